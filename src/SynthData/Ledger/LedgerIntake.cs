using System.Data.Common;
using SynthData.Ledger.Store;
using SynthData.Problems;

namespace SynthData.Ledger;

/// <summary>Where a source's stream stands: the next item to read, and whether it was read to its end.</summary>
public sealed record SourcePosition(long Position, bool Exhausted, string Stamp);

/// <summary>
/// One batch's intake of new problems: problems and the sources' new positions are written in ONE transaction, so a
/// batch killed at any instant has either taken its problems (and the next run resumes exactly those) or taken none.
/// Lookups see the batch's own uncommitted problems, which makes repeats within the batch cheap to spot.
/// </summary>
public sealed class LedgerIntake : IDisposable
{
    private readonly DbConnection _c;
    private readonly DbTransaction _tx;
    private readonly long _runId;
    private readonly DbCommand _find;
    private readonly DbCommand _add;
    private readonly DbCommand _claim;
    private LedgerDedupIndex? _dedupIndex;
    private bool _done;

    internal LedgerIntake(DbConnection connection, long runId)
    {
        _c = connection;
        _runId = runId;
        _tx = _c.BeginTransaction();
        _find = Command("SELECT run_id FROM problems WHERE id = $id", "$id");
        _add = Command("""
            INSERT INTO problems(id, domain, source_kind, source_name, difficulty, json, run_id, source_key)
            VALUES($id, $d, $sk, $sn, $diff, $j, $r, $key) ON CONFLICT(id) DO NOTHING
            """, "$id", "$d", "$sk", "$sn", "$diff", "$j", "$r", "$key");
        _claim = Command("UPDATE problems SET source_key = $key WHERE id = $id AND source_key IS NULL", "$id", "$key");
    }

    public int Added { get; private set; }

    /// <summary>Whether the ledger already holds <paramref name="problemId"/>, and whether this batch added it.</summary>
    public (bool Known, bool ThisBatch) Find(string problemId)
    {
        _find.Parameters["$id"].Value = problemId;
        var run = _find.ExecuteScalar();
        // Run ids are never reused, so a problem carrying this run's id was added by this batch.
        return run is null ? (false, false) : (true, Convert.ToInt64(run, System.Globalization.CultureInfo.InvariantCulture) == _runId);
    }

    /// <summary>A problem from before sources were recorded joins the source that yields it again.</summary>
    public void Claim(string problemId, string sourceKey)
    {
        _claim.Parameters["$id"].Value = problemId;
        _claim.Parameters["$key"].Value = sourceKey;
        _claim.ExecuteNonQuery();
    }

    public void Add(Problem p, string sourceKey)
    {
        var ps = _add.Parameters;
        ps["$id"].Value = p.Id;
        ps["$d"].Value = p.Domain.ToWire();
        ps["$sk"].Value = p.Source.Kind;
        ps["$sn"].Value = p.Source.Name;
        ps["$diff"].Value = (object?)p.Source.Difficulty ?? DBNull.Value;
        ps["$j"].Value = ProblemJson.Serialize(p);
        ps["$r"].Value = _runId;
        ps["$key"].Value = sourceKey;
        Added += _add.ExecuteNonQuery();
    }

    /// <summary>
    /// The duplicate judge's index in the ledger, inside this intake's transaction (disposed with the intake), for
    /// a filter of the given <see cref="Filtering.ProblemFilter.IndexLayout"/>.
    /// </summary>
    public LedgerDedupIndex DedupIndex(string layout) => _dedupIndex ??= new LedgerDedupIndex(_c, _tx, layout);

    public void SetPosition(string sourceKey, SourcePosition position)
    {
        using var cmd = Command("""
            INSERT INTO source_positions(source_key, position, exhausted, stamp, run_id) VALUES($key, $p, $e, $s, $r)
            ON CONFLICT(source_key) DO UPDATE SET position = excluded.position, exhausted = excluded.exhausted,
                stamp = excluded.stamp, run_id = excluded.run_id
            """, "$key", "$p", "$e", "$s", "$r");
        cmd.Parameters["$key"].Value = sourceKey;
        cmd.Parameters["$p"].Value = position.Position;
        cmd.Parameters["$e"].Value = position.Exhausted ? 1 : 0;
        cmd.Parameters["$s"].Value = position.Stamp;
        cmd.Parameters["$r"].Value = _runId;
        cmd.ExecuteNonQuery();
    }

    public void Commit()
    {
        _tx.Commit();
        _done = true;
    }

    private DbCommand Command(string sql, params string[] parameters)
    {
        var cmd = _c.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        foreach (var p in parameters)
            cmd.Parameters.AddParameter(p);
        return cmd;
    }

    public void Dispose()
    {
        _find.Dispose();
        _add.Dispose();
        _claim.Dispose();
        _dedupIndex?.Dispose();
        if (!_done)
            _tx.Rollback();
        _tx.Dispose();
        _c.Dispose();
    }
}
