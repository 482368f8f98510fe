using System.Globalization;
using System.Text.Json.Nodes;
using System.Data.Common;
using SynthData.Ledger.Store;
using SynthData.Problems;
using SynthData.Verification;

namespace SynthData.Ledger;

/// <summary>
/// The ledger: the single source of truth for problems, attempts and verdicts, in a SQLite file under the run's output
/// folder (one machine) or a PostgreSQL database (several machines, see <see cref="Store.PostgresLedgerStore"/>). One
/// transaction per batch means a process killed at any instant leaves either the whole batch or none of it. Writes go
/// through one connection guarded by a lock; reads open their own connections.
/// </summary>
public sealed class RunLedger : IDisposable
{
    public const string FileName = "ledger.db";

    /// <summary>Verdicts the pipeline itself gives (e.g. truncated output) are final whatever the verifier version.</summary>
    public const string PipelineVerifierName = "pipeline";

    /// <summary>The fingerprint of attempts made before fingerprints were recorded (see <see cref="LedgerMigration"/>).</summary>
    public const string LegacyFingerprint = "legacy";

    private readonly DbConnection _writer;
    private readonly Lock _gate = new();

    private RunLedger(LedgerStore store)
    {
        Store = store;
        _writer = store.Open();
        try
        {
            using (store.LockSchema(_writer))
            {
                Execute(_writer, store.Dialect(LedgerSchema.Create));
                AddMissingColumns();
                CheckVersion();
            }
        }
        catch
        {
            _writer.Dispose();
            throw;
        }
    }

    /// <summary>Where the ledger is, for messages (a file path, or a PostgreSQL URI without its password).</summary>
    public string Path => Store.Location;

    public LedgerStore Store { get; }

    /// <summary>The SQLite ledger in <paramref name="outputDirectory"/>.</summary>
    public static RunLedger Open(string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        return new RunLedger(LedgerStore.For(null, outputDirectory));
    }

    /// <summary>The ledger a config names (<c>run.ledger</c>, overridden by <c>SYNTHDATA_LEDGER</c>).</summary>
    public static RunLedger Open(Config.PipelineOptions options) => Open(LedgerStore.For(options.LedgerSetting, options.OutputDirectory));

    public static RunLedger Open(LedgerStore store) => new(store);

    public static bool Exists(string outputDirectory) => File.Exists(System.IO.Path.Combine(outputDirectory, FileName));

    /// <summary>Whether the ledger a config names exists (a PostgreSQL database is always there to connect to).</summary>
    public static bool Exists(Config.PipelineOptions options) =>
        LedgerStore.For(options.LedgerSetting, options.OutputDirectory) is not Store.SqliteLedgerStore sqlite || File.Exists(sqlite.Path);

    internal DbConnection Open() => Store.Open();

    private void AddMissingColumns()
    {
        foreach (var (table, column, definition) in LedgerSchema.AddedColumns)
        {
            if (!Store.ColumnExists(_writer, table, column))
                Execute(_writer, Store.Dialect($"ALTER TABLE {table} ADD COLUMN {column} {definition}"));
        }
    }

    private void CheckVersion()
    {
        using (var insert = _writer.CreateCommand())
        {
            insert.CommandText = "INSERT INTO meta(key, value) VALUES('schema_version', $v) ON CONFLICT(key) DO NOTHING";
            insert.Parameters.AddWithValue("$v", LedgerSchema.Version.ToString(CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }

        using var cmd = _writer.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key='schema_version'";
        var found = Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (int.TryParse(found, CultureInfo.InvariantCulture, out var version) && version < LedgerSchema.Version)
        {
            Store.Migrate(_writer, version);
            return;
        }

        if (found != LedgerSchema.Version.ToString(CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"{Path} has ledger schema version {found}; this build reads version {LedgerSchema.Version} (a ledger written by a newer synthdata: upgrade synthdata to read it)");
    }

    public long StartRun(string command, string configHash)
    {
        lock (_gate)
        {
            using var cmd = _writer.CreateCommand();
            cmd.CommandText = "INSERT INTO runs(command, config_hash, started_at, status) VALUES($c, $h, $t, 'running') RETURNING id";
            cmd.Parameters.AddWithValue("$c", command);
            cmd.Parameters.AddWithValue("$h", configHash);
            cmd.Parameters.AddWithValue("$t", Now());
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public void FinishRun(long runId, string status, string summaryJson)
    {
        lock (_gate)
        {
            using var cmd = _writer.CreateCommand();
            cmd.CommandText = "UPDATE runs SET finished_at=$t, status=$s, summary_json=$j WHERE id=$id";
            cmd.Parameters.AddWithValue("$t", Now());
            cmd.Parameters.AddWithValue("$s", status);
            cmd.Parameters.AddWithValue("$j", summaryJson);
            cmd.Parameters.AddWithValue("$id", runId);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Adds problems not yet in the ledger; returns how many were new.</summary>
    public int AddProblems(IEnumerable<Problem> problems, long runId)
    {
        lock (_gate)
        {
            using var tx = _writer.BeginTransaction();
            using var cmd = _writer.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO problems(id, domain, source_kind, source_name, difficulty, json, run_id)
                VALUES($id, $d, $sk, $sn, $diff, $j, $r) ON CONFLICT(id) DO NOTHING
                """;
            var pId = cmd.Parameters.AddParameter("$id");
            var pD = cmd.Parameters.AddParameter("$d");
            var pSk = cmd.Parameters.AddParameter("$sk");
            var pSn = cmd.Parameters.AddParameter("$sn");
            var pDiff = cmd.Parameters.AddParameter("$diff");
            var pJ = cmd.Parameters.AddParameter("$j");
            cmd.Parameters.AddWithValue("$r", runId);
            var added = 0;
            foreach (var p in problems)
            {
                pId.Value = p.Id;
                pD.Value = p.Domain.ToWire();
                pSk.Value = p.Source.Kind;
                pSn.Value = p.Source.Name;
                pDiff.Value = (object?)p.Source.Difficulty ?? DBNull.Value;
                pJ.Value = ProblemJson.Serialize(p);
                added += cmd.ExecuteNonQuery();
            }

            tx.Commit();
            return added;
        }
    }

    /// <summary>
    /// Writes a batch of results in one transaction. The first answer recorded for a (problem, sample index, settings)
    /// is final: a later one is not inserted, and neither is an answer whose worker no longer holds its lease on a
    /// shared ledger (<see cref="WorkLeases"/>). Returns those not inserted, whose verdicts must then be dropped too
    /// (they judge a response the ledger does not hold). Re-recording a verdict replaces it.
    /// </summary>
    public IReadOnlySet<(string ProblemId, int SampleIndex, string Fingerprint)> Record(IReadOnlyCollection<AttemptRecord> attempts, IReadOnlyCollection<VerdictRecord> verdicts, IReadOnlyCollection<AttemptErrorRecord> errors)
    {
        var rejected = new HashSet<(string, int, string)>();
        if (attempts.Count + verdicts.Count + errors.Count == 0)
            return rejected;
        lock (_gate)
        {
            using var tx = _writer.BeginTransaction();
            var now = Now();
            foreach (var a in attempts)
            {
                if (!InsertAttempt(tx, a, now))
                    rejected.Add((a.ProblemId, a.SampleIndex, a.Fingerprint));
            }

            foreach (var v in verdicts.Where(v => !rejected.Contains((v.ProblemId, v.SampleIndex, v.Fingerprint))))
                UpsertVerdict(tx, v);
            foreach (var e in errors)
                InsertError(tx, e, now);
            tx.Commit();
        }

        return rejected;
    }

    private bool InsertAttempt(DbTransaction tx, AttemptRecord a, string now)
    {
        using var cmd = _writer.CreateCommand();
        cmd.Transaction = tx;
        // DO NOTHING: the first recorded answer for a (problem, sample) is final; a duplicate can only come from a race
        // with an earlier, killed run (or a worker whose lease expired) and must not overwrite what exports may contain.
        // FOR UPDATE (shared ledgers): a takeover of the lease waits for this insert, so the two never interleave.
        var owned = Store.Shared
            ? "WHERE EXISTS (SELECT 1 FROM leases l WHERE l.problem_id = $p AND l.fingerprint = $fp AND l.sample_start <= $i AND $i < l.sample_end AND l.owner = $run FOR UPDATE)"
            : "WHERE 1 = 1"; // SQLite needs a WHERE to parse INSERT ... SELECT ... ON CONFLICT
        cmd.CommandText = $"""
            INSERT INTO attempts(problem_id, sample_index, model, sampling_json, messages_json, content, reasoning_content,
                finish_reason, prompt_tokens, completion_tokens, latency_ms, response_id, tries, run_id, created_at, fingerprint)
            SELECT $p, $i, $m, $s, $msg, $c, $r, $f, $pt, $ct, $l, $rid, $t, $run, $now, $fp {owned}
            ON CONFLICT(problem_id, sample_index, fingerprint) DO NOTHING
            """;

        cmd.Parameters.AddWithValue("$p", a.ProblemId);
        cmd.Parameters.AddWithValue("$i", a.SampleIndex);
        cmd.Parameters.AddWithValue("$m", a.Model);
        cmd.Parameters.AddWithValue("$s", a.SamplingJson);
        cmd.Parameters.AddWithValue("$msg", a.MessagesJson);
        cmd.Parameters.AddWithValue("$c", a.Content);
        cmd.Parameters.AddWithValue("$r", (object?)a.ReasoningContent ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$f", a.FinishReason);
        cmd.Parameters.AddWithValue("$pt", a.PromptTokens);
        cmd.Parameters.AddWithValue("$ct", a.CompletionTokens);
        cmd.Parameters.AddWithValue("$l", a.LatencyMs);
        cmd.Parameters.AddWithValue("$rid", (object?)a.ResponseId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$t", a.Tries);
        cmd.Parameters.AddWithValue("$run", a.RunId);
        cmd.Parameters.AddWithValue("$now", now);
        cmd.Parameters.AddWithValue("$fp", a.Fingerprint);
        return cmd.ExecuteNonQuery() > 0;
    }

    private void UpsertVerdict(DbTransaction tx, VerdictRecord v)
    {
        using var cmd = _writer.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO verdicts(problem_id, sample_index, verifier, verifier_version, accepted, kind, reason, extracted, details_json, duration_ms, run_id, score, fingerprint)
            VALUES($p, $i, $v, $ver, $a, $k, $r, $e, $d, $ms, 0, $sc, $fp)
            ON CONFLICT(problem_id, sample_index, fingerprint) DO UPDATE SET verifier=excluded.verifier, verifier_version=excluded.verifier_version,
                accepted=excluded.accepted, kind=excluded.kind, reason=excluded.reason, extracted=excluded.extracted,
                details_json=excluded.details_json, duration_ms=excluded.duration_ms, score=excluded.score
            """;
        cmd.Parameters.AddWithValue("$p", v.ProblemId);
        cmd.Parameters.AddWithValue("$i", v.SampleIndex);
        cmd.Parameters.AddWithValue("$v", v.Verdict.Verifier);
        cmd.Parameters.AddWithValue("$ver", v.Verdict.VerifierVersion);
        cmd.Parameters.AddWithValue("$a", v.Verdict.Accepted ? 1 : 0);
        cmd.Parameters.AddWithValue("$k", v.Verdict.Kind);
        cmd.Parameters.AddWithValue("$r", v.Verdict.Reason);
        cmd.Parameters.AddWithValue("$e", (object?)v.Verdict.Extracted ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$d", (object?)v.Verdict.Details?.ToJsonString() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$ms", v.Verdict.DurationMs);
        cmd.Parameters.AddWithValue("$fp", v.Fingerprint);
        cmd.Parameters.AddWithValue("$sc", (object?)v.Verdict.Score ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private void InsertError(DbTransaction tx, AttemptErrorRecord e, string now)
    {
        using var cmd = _writer.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO attempt_errors(problem_id, sample_index, error, tries, run_id, created_at) VALUES($p, $i, $e, $t, $r, $now)";
        cmd.Parameters.AddWithValue("$p", e.ProblemId);
        cmd.Parameters.AddWithValue("$i", e.SampleIndex);
        cmd.Parameters.AddWithValue("$e", e.Error);
        cmd.Parameters.AddWithValue("$t", e.Tries);
        cmd.Parameters.AddWithValue("$r", e.RunId);
        cmd.Parameters.AddWithValue("$now", now);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Every (problem id, sample index) answered under any settings (small ledgers, tests).</summary>
    public HashSet<(string ProblemId, int SampleIndex)> AnsweredSamples()
    {
        var set = new HashSet<(string, int)>();
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT problem_id, sample_index FROM attempts";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            set.Add((r.GetString(0), r.Int32(1)));
        return set;
    }

    /// <summary>
    /// Attempts that need (re)verification: never verified, verified with an error, or judged by another version of
    /// the verifier now configured for their domain. Selected in SQL so a large ledger is never loaded whole.
    /// </summary>
    public List<LedgerAttempt> AttemptsNeedingVerdict(IReadOnlyDictionary<ProblemDomain, (string Name, string Version)> current, string? fingerprint = null)
    {
        var outdated = string.Join(" OR ", current.Select((kv, i) =>
            $"(p.domain = $d{i} AND (v.verifier <> $n{i} OR v.verifier_version <> $v{i}))"));
        var where = "v.problem_id IS NULL OR v.kind = 'error'" +
                    (outdated.Length > 0 ? $" OR (v.verifier <> '{PipelineVerifierName}' AND ({outdated}))" : "");
        return QueryAttempts($"({where})" + (fingerprint is null ? "" : " AND a.fingerprint = $fp"), cmd =>
        {
            if (fingerprint is not null)
                cmd.Parameters.AddWithValue("$fp", fingerprint);
            var i = 0;
            foreach (var (domain, (name, version)) in current)
            {
                cmd.Parameters.AddWithValue($"$d{i}", domain.ToWire());
                cmd.Parameters.AddWithValue($"$n{i}", name);
                cmd.Parameters.AddWithValue($"$v{i}", version);
                i++;
            }
        }).ToList();
    }

    /// <summary>All problems ordered by id.</summary>
    public List<Problem> ReadProblems() => [.. EnumerateProblems()];

    /// <summary>All problems ordered by id, one at a time.</summary>
    public IEnumerable<Problem> EnumerateProblems()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT json FROM problems ORDER BY id";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return ParseProblem(r.GetString(0));
    }

    /// <summary>
    /// Attempts with their problem and verdict, ordered by problem id then sample index: those made under the given
    /// settings fingerprints (null: all, ordered by fingerprint within a sample index).
    /// </summary>
    public List<LedgerAttempt> ReadAttempts(IReadOnlyCollection<string>? fingerprints = null) => StreamAttempts(fingerprints).ToList();

    /// <summary>
    /// The same rows as <see cref="ReadAttempts"/>, read one at a time from one query as they are enumerated, so a
    /// caller that groups per problem holds one problem in memory whatever the ledger's size.
    /// </summary>
    public IEnumerable<LedgerAttempt> StreamAttempts(IReadOnlyCollection<string>? fingerprints = null) =>
        QueryAttempts(fingerprints is null ? null : $"a.fingerprint IN ({string.Join(", ", fingerprints.Select((_, i) => $"$fp{i}"))})", cmd =>
        {
            var i = 0;
            foreach (var fp in fingerprints ?? [])
                cmd.Parameters.AddWithValue($"$fp{i++}", fp);
        });

    private IEnumerable<LedgerAttempt> QueryAttempts(string? where, Action<DbCommand>? bind)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT p.json, a.problem_id, a.sample_index, a.model, a.sampling_json, a.messages_json, a.content, a.reasoning_content,
                   a.finish_reason, a.prompt_tokens, a.completion_tokens, a.latency_ms, a.response_id, a.tries, a.run_id,
                   v.verifier, v.verifier_version, v.accepted, v.kind, v.reason, v.extracted, v.details_json, v.duration_ms, v.score, a.fingerprint
            FROM attempts a JOIN problems p ON p.id = a.problem_id
            LEFT JOIN verdicts v ON v.problem_id = a.problem_id AND v.sample_index = a.sample_index AND v.fingerprint = a.fingerprint
            {(where is null ? "" : "WHERE " + where)}
            ORDER BY a.problem_id, a.sample_index, a.fingerprint
            """;
        bind?.Invoke(cmd);
        using var r = cmd.ExecuteReader();
        Problem? problem = null;
        while (r.Read())
        {
            var pid = r.GetString(1);
            // Rows come grouped by problem: parse each problem's JSON once, keep only the current one.
            if (problem?.Id != pid)
                problem = ParseProblem(r.GetString(0));
            var attempt = new AttemptRecord
            {
                ProblemId = pid,
                SampleIndex = r.Int32(2),
                Model = r.GetString(3),
                SamplingJson = r.GetString(4),
                MessagesJson = r.GetString(5),
                Content = r.GetString(6),
                ReasoningContent = r.IsDBNull(7) ? null : r.GetString(7),
                FinishReason = r.GetString(8),
                PromptTokens = r.Int32(9),
                CompletionTokens = r.Int32(10),
                LatencyMs = r.GetDouble(11),
                ResponseId = r.IsDBNull(12) ? null : r.GetString(12),
                Tries = r.Int32(13),
                RunId = r.Int64(14),
                Fingerprint = r.GetString(24),
            };
            Verdict? verdict = r.IsDBNull(15) ? null : new Verdict
            {
                Verifier = r.GetString(15),
                VerifierVersion = r.GetString(16),
                Accepted = r.Int32(17) != 0,
                Kind = r.GetString(18),
                Reason = r.GetString(19),
                Extracted = r.IsDBNull(20) ? null : r.GetString(20),
                Details = r.IsDBNull(21) ? null : JsonNode.Parse(r.GetString(21)) as JsonObject,
                DurationMs = r.GetDouble(22),
                Score = r.IsDBNull(23) ? null : r.GetDouble(23),
            };
            yield return new LedgerAttempt(problem, attempt, verdict);
        }
    }

    /// <summary>Keeps the stored id: it is the key every attempt refers to, whatever later id rules say.</summary>
    internal static Problem ParseProblem(string json)
    {
        var o = (JsonObject)JsonNode.Parse(json)!;
        var problem = ProblemJson.FromJson(o, ProblemOrigin.Dataset("ledger", 0));
        return o["id"]?.GetValue<string>() is { } id ? problem with { Id = id } : problem;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private static void Execute(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        lock (_gate)
            _writer.Dispose();
    }
}
