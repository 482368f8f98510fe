using System.Globalization;
using SynthData.Ledger.Store;

namespace SynthData.Ledger;

/// <summary>A settings record: the canonical JSON of what shaped responses, under its fingerprint.</summary>
public sealed record RecordedSettings(string Fingerprint, string Json, long RunId, bool HasAttempts);

/// <summary>One attempt made before fingerprints were recorded, with what its provenance says about its settings.</summary>
public sealed record LegacyAttempt(string ProblemId, int SampleIndex, string Domain, string SamplingJson, string MessagesJson);

/// <summary>The ledger's <c>settings</c> table: which settings its attempts were drawn under.</summary>
public static class LedgerSettings
{
    /// <summary>Every recorded settings, newest first.</summary>
    public static List<RecordedSettings> ReadSettings(this RunLedger ledger)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT s.fingerprint, s.json, s.run_id, CASE WHEN EXISTS(SELECT 1 FROM attempts a WHERE a.fingerprint = s.fingerprint) THEN 1 ELSE 0 END
            FROM settings s ORDER BY s.run_id DESC, s.fingerprint
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<RecordedSettings>();
        while (r.Read())
            list.Add(new RecordedSettings(r.GetString(0), r.GetString(1), r.Int64(2), r.Int64(3) != 0));
        return list;
    }

    /// <summary>The fingerprints attempts were recorded under, in order.</summary>
    public static List<string> SampledFingerprints(this RunLedger ledger)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT fingerprint FROM attempts ORDER BY fingerprint";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
            list.Add(r.GetString(0));
        return list;
    }

    public static void RegisterSettings(this RunLedger ledger, string fingerprint, string json, long runId)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO settings(fingerprint, json, run_id, created_at) VALUES($f, $j, $r, $t) ON CONFLICT(fingerprint) DO NOTHING";
        cmd.Parameters.AddWithValue("$f", fingerprint);
        cmd.Parameters.AddWithValue("$j", json);
        cmd.Parameters.AddWithValue("$r", runId);
        cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Up to <paramref name="limit"/> attempts made before fingerprints existed (none: the ledger has no legacy attempts).</summary>
    public static List<LegacyAttempt> ReadLegacyAttempts(this RunLedger ledger, int limit)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT a.problem_id, a.sample_index, p.domain, a.sampling_json, a.messages_json
            FROM attempts a JOIN problems p ON p.id = a.problem_id WHERE a.fingerprint = $legacy LIMIT $n
            """;
        cmd.Parameters.AddWithValue("$legacy", RunLedger.LegacyFingerprint);
        cmd.Parameters.AddWithValue("$n", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<LegacyAttempt>();
        while (r.Read())
            list.Add(new LegacyAttempt(r.GetString(0), r.Int32(1), r.GetString(2), r.GetString(3), r.GetString(4)));
        return list;
    }

    /// <summary>Makes the legacy attempts (and, by cascade, their verdicts) those of <paramref name="fingerprint"/>.</summary>
    public static void AdoptLegacyAttempts(this RunLedger ledger, string fingerprint)
    {
        using var c = ledger.Open();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE attempts SET fingerprint = $f WHERE fingerprint = $legacy";
        cmd.Parameters.AddWithValue("$f", fingerprint);
        cmd.Parameters.AddWithValue("$legacy", RunLedger.LegacyFingerprint);
        cmd.ExecuteNonQuery();
        tx.Commit();
    }
}
