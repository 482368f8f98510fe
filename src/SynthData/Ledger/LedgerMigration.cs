using Microsoft.Data.Sqlite;

namespace SynthData.Ledger;

/// <summary>
/// Upgrades a ledger written by an older build, in place and in one transaction (a crash leaves the old ledger intact).
/// Version 1 → 2: attempts and verdicts gain the settings fingerprint as part of their key, so samples drawn under
/// other settings can be kept apart. Existing attempts get <see cref="RunLedger.LegacyFingerprint"/>; the first
/// <c>run</c> that opens them adopts them as its own settings when their recorded provenance (sampling parameters,
/// system prompt) agrees with its config, and otherwise treats them as made under other settings (see
/// <see cref="LedgerSettings"/>). Problems gain <c>source_key</c>, filled in when a source yields them again.
/// </summary>
internal static class LedgerMigration
{
    public static void Upgrade(SqliteConnection c, int from)
    {
        if (from != 1)
            throw new InvalidOperationException($"ledger schema version {from} cannot be upgraded to {LedgerSchema.Version}");
        // Rebuilding a table its children reference is only possible with foreign keys off (not changeable inside a transaction).
        Execute(c, "PRAGMA foreign_keys=OFF;");
        try
        {
            using var tx = c.BeginTransaction();
            var legacy = $"'{RunLedger.LegacyFingerprint}'";
            Execute(c, $"""
                ALTER TABLE problems ADD COLUMN source_key TEXT;
                {LedgerSchema.Attempts("attempts_v2")}
                INSERT INTO attempts_v2 SELECT problem_id, sample_index, model, sampling_json, messages_json, content, reasoning_content,
                    finish_reason, prompt_tokens, completion_tokens, latency_ms, response_id, tries, run_id, created_at, {legacy} FROM attempts;
                DROP TABLE attempts;
                ALTER TABLE attempts_v2 RENAME TO attempts;
                {LedgerSchema.Verdicts("verdicts_v2")}
                INSERT INTO verdicts_v2(problem_id, sample_index, verifier, verifier_version, accepted, kind, reason, extracted,
                    details_json, duration_ms, run_id, score, fingerprint)
                SELECT problem_id, sample_index, verifier, verifier_version, accepted, kind, reason, extracted,
                    details_json, duration_ms, run_id, score, {legacy} FROM verdicts;
                DROP TABLE verdicts;
                ALTER TABLE verdicts_v2 RENAME TO verdicts;
                UPDATE meta SET value = '{LedgerSchema.Version}' WHERE key = 'schema_version';
                """, tx);
            tx.Commit();
        }
        finally
        {
            Execute(c, "PRAGMA foreign_keys=ON;");
        }
    }

    private static void Execute(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
