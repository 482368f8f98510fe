namespace SynthData.Ledger;

internal static class LedgerSchema
{
    // Tables added later are created by IF NOT EXISTS on open, so older ledgers gain them without a version change.
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runs(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            command TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            summary_json TEXT);
        CREATE TABLE IF NOT EXISTS problems(
            id TEXT PRIMARY KEY,
            domain TEXT NOT NULL,
            source_kind TEXT NOT NULL,
            source_name TEXT NOT NULL,
            difficulty INTEGER,
            json TEXT NOT NULL,
            run_id INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS attempts(
            problem_id TEXT NOT NULL REFERENCES problems(id),
            sample_index INTEGER NOT NULL,
            model TEXT NOT NULL,
            sampling_json TEXT NOT NULL,
            messages_json TEXT NOT NULL,
            content TEXT NOT NULL,
            reasoning_content TEXT,
            finish_reason TEXT NOT NULL,
            prompt_tokens INTEGER NOT NULL,
            completion_tokens INTEGER NOT NULL,
            latency_ms REAL NOT NULL,
            response_id TEXT,
            tries INTEGER NOT NULL,
            run_id INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY(problem_id, sample_index));
        CREATE TABLE IF NOT EXISTS attempt_errors(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            problem_id TEXT NOT NULL,
            sample_index INTEGER NOT NULL,
            error TEXT NOT NULL,
            tries INTEGER NOT NULL,
            run_id INTEGER NOT NULL,
            created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS verdicts(
            problem_id TEXT NOT NULL,
            sample_index INTEGER NOT NULL,
            verifier TEXT NOT NULL,
            verifier_version TEXT NOT NULL,
            accepted INTEGER NOT NULL,
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            extracted TEXT,
            details_json TEXT,
            duration_ms REAL NOT NULL,
            run_id INTEGER NOT NULL,
            score REAL,
            PRIMARY KEY(problem_id, sample_index),
            FOREIGN KEY(problem_id, sample_index) REFERENCES attempts(problem_id, sample_index));
        CREATE TABLE IF NOT EXISTS problem_drops(
            problem_id TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            matched TEXT NOT NULL,
            matched_text TEXT NOT NULL,
            score REAL NOT NULL,
            problem_json TEXT NOT NULL,
            run_id INTEGER NOT NULL);
        """;

    /// <summary>Columns added after version 1, as (table, column, definition): added on open when an older ledger lacks them.</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        // Partial credit (Verdict.Score); NULL in ledgers written before it, read as 1 when accepted, else 0.
        ("verdicts", "score", "REAL"),
    ];
}
