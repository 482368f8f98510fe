using System.Globalization;
using System.Data.Common;
using SynthData.Ledger.Store;
using SynthData.Problems;

namespace SynthData.Ledger;

/// <summary>How much of a run's problem set is already sampled.</summary>
public sealed record PendingCounts(int Problems, int PendingProblems, int SamplesDone, int SamplesToRequest);

/// <summary>A problem with samples still to draw, and which sample indexes those are.</summary>
public sealed record PendingProblem(Problem Problem, IReadOnlyList<int> MissingSamples);

/// <summary>
/// What is left to do, decided in SQL over the ledger: the problems of the configured sources (not dropped) with fewer
/// than K samples under the run's settings. Nothing is regenerated and no set of answered keys is held in memory;
/// problems stream one at a time.
/// </summary>
public static class PendingWork
{
    private const string SamplesUnder = "(SELECT COUNT(*) FROM attempts a WHERE a.problem_id = p.id AND a.sample_index < $k AND a.fingerprint = $fp)";

    public static PendingCounts CountPending(this RunLedger ledger, IReadOnlyList<string> sourceKeys, string fingerprint, int samplesPerProblem)
    {
        using var c = ledger.Open();
        using var cmd = Query(c, $"""
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN n < $k THEN 1 ELSE 0 END), 0), COALESCE(SUM(n), 0)
            FROM (SELECT {SamplesUnder} AS n FROM problems p WHERE {RunSet(sourceKeys)}) counted
            """, sourceKeys, fingerprint, samplesPerProblem);
        using var r = cmd.ExecuteReader();
        r.Read();
        var problems = r.Int32(0);
        var done = r.Int32(2);
        return new PendingCounts(problems, r.Int32(1), done, (problems * samplesPerProblem) - done);
    }

    /// <summary>The domains of the pending problems (which verifiers the batch needs).</summary>
    public static List<ProblemDomain> PendingDomains(this RunLedger ledger, IReadOnlyList<string> sourceKeys, string fingerprint, int samplesPerProblem)
    {
        using var c = ledger.Open();
        using var cmd = Query(c, $"SELECT DISTINCT p.domain FROM problems p WHERE {RunSet(sourceKeys)} AND {SamplesUnder} < $k", sourceKeys, fingerprint, samplesPerProblem);
        using var r = cmd.ExecuteReader();
        var list = new List<ProblemDomain>();
        while (r.Read())
            list.Add(ProblemDomainNames.TryParse(r.GetString(0), out var d) ? d : throw new InvalidDataException($"{ledger.Path}: unknown domain '{r.GetString(0)}'"));
        return list;
    }

    /// <summary>The pending problems, ordered by id, streamed from one read transaction (a stable snapshot while the run writes).</summary>
    public static IEnumerable<PendingProblem> ReadPending(this RunLedger ledger, IReadOnlyList<string> sourceKeys, string fingerprint, int samplesPerProblem)
    {
        using var c = ledger.Open();
        using var cmd = Query(c, $"""
            SELECT p.json, (SELECT {ledger.Store.ListAggregate("a.sample_index")} FROM attempts a WHERE a.problem_id = p.id AND a.sample_index < $k AND a.fingerprint = $fp)
            FROM problems p WHERE {RunSet(sourceKeys)} AND {SamplesUnder} < $k
            ORDER BY p.id
            """, sourceKeys, fingerprint, samplesPerProblem);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var done = r.IsDBNull(1) ? [] : r.GetString(1).Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToHashSet();
            var missing = Enumerable.Range(0, samplesPerProblem).Where(i => !done.Contains(i)).ToList();
            yield return new PendingProblem(RunLedger.ParseProblem(r.GetString(0)), missing);
        }
    }

    /// <summary>Every problem of the configured sources (dropped ones too), streamed: for re-checking against benchmarks.</summary>
    public static IEnumerable<Problem> ReadSourceProblems(this RunLedger ledger, IReadOnlyList<string> sourceKeys)
    {
        using var c = ledger.Open();
        using var cmd = Query(c, $"SELECT p.json FROM problems p WHERE p.source_key IN ({Keys(sourceKeys)}) ORDER BY p.id", sourceKeys, "", 0);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return RunLedger.ParseProblem(r.GetString(0));
    }

    /// <summary>Where each source's stream stands.</summary>
    public static Dictionary<string, SourcePosition> ReadSourcePositions(this RunLedger ledger)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT source_key, position, exhausted, stamp FROM source_positions";
        using var r = cmd.ExecuteReader();
        var map = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        while (r.Read())
            map[r.GetString(0)] = new SourcePosition(r.Int64(1), r.Int64(2) != 0, r.GetString(3));
        return map;
    }

    public static LedgerIntake BeginIntake(this RunLedger ledger, long runId) => new(ledger.Open(), runId);

    private static string RunSet(IReadOnlyList<string> sourceKeys) =>
        $"p.source_key IN ({Keys(sourceKeys)}) AND NOT EXISTS (SELECT 1 FROM problem_drops d WHERE d.problem_id = p.id)";

    private static string Keys(IReadOnlyList<string> sourceKeys) =>
        sourceKeys.Count == 0 ? "NULL" : string.Join(", ", sourceKeys.Select((_, i) => $"$s{i}"));

    private static DbCommand Query(DbConnection c, string sql, IReadOnlyList<string> sourceKeys, string fingerprint, int samplesPerProblem)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        for (var i = 0; i < sourceKeys.Count; i++)
            cmd.Parameters.AddWithValue($"$s{i}", sourceKeys[i]);
        cmd.Parameters.AddWithValue("$fp", fingerprint);
        cmd.Parameters.AddWithValue("$k", samplesPerProblem);
        return cmd;
    }
}
