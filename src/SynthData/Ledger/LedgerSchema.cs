namespace SynthData.Ledger;

internal static class LedgerSchema
{
    // Tables added later are created by IF NOT EXISTS on open (leases and budget_use: used by shared ledgers only), so older ledgers gain them without a version change.
    // Version 2: attempts and verdicts are keyed by settings fingerprint too; problems remember their source
    // (LedgerMigration upgrades version 1 in place).
    public const int Version = 2;

    public static readonly string Create = """
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
            run_id INTEGER NOT NULL,
            source_key TEXT);
        {ATTEMPTS}
        CREATE TABLE IF NOT EXISTS attempt_errors(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            problem_id TEXT NOT NULL,
            sample_index INTEGER NOT NULL,
            error TEXT NOT NULL,
            tries INTEGER NOT NULL,
            run_id INTEGER NOT NULL,
            created_at TEXT NOT NULL);
        {VERDICTS}
        CREATE TABLE IF NOT EXISTS problem_drops(
            problem_id TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            matched TEXT NOT NULL,
            matched_text TEXT NOT NULL,
            score REAL NOT NULL,
            problem_json TEXT NOT NULL,
            run_id INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS source_positions(
            source_key TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            exhausted INTEGER NOT NULL,
            stamp TEXT NOT NULL,
            run_id INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS leases(
            problem_id TEXT NOT NULL,
            sample_start INTEGER NOT NULL,
            sample_end INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            owner INTEGER NOT NULL,
            expires_at REAL NOT NULL,
            takeovers INTEGER NOT NULL,
            PRIMARY KEY(problem_id, sample_start, fingerprint));
        CREATE TABLE IF NOT EXISTS budget_use(
            batch INTEGER PRIMARY KEY,
            requests INTEGER NOT NULL,
            prompt_tokens INTEGER NOT NULL,
            completion_tokens INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS dedup_entries(
            entry INTEGER PRIMARY KEY AUTOINCREMENT,
            problem_id TEXT NOT NULL UNIQUE,
            grp BLOB NOT NULL,
            exact BLOB,
            text TEXT NOT NULL,
            signature BLOB);
        CREATE INDEX IF NOT EXISTS dedup_entries_exact ON dedup_entries(exact);
        CREATE TABLE IF NOT EXISTS dedup_bands(key INTEGER NOT NULL, entry INTEGER NOT NULL, PRIMARY KEY(key, entry)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS settings(
            fingerprint TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            run_id INTEGER NOT NULL,
            created_at TEXT NOT NULL);
        """.Replace("{ATTEMPTS}", Attempts("attempts"), StringComparison.Ordinal).Replace("{VERDICTS}", Verdicts("verdicts"), StringComparison.Ordinal);

    /// <summary>The attempts table under <paramref name="name"/> (the migration builds it beside the old one).</summary>
    public static string Attempts(string name) => $"""
    CREATE TABLE IF NOT EXISTS {name}(
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
        fingerprint TEXT NOT NULL,
        PRIMARY KEY(problem_id, sample_index, fingerprint));
    """;

    public static string Verdicts(string name) => $"""
    CREATE TABLE IF NOT EXISTS {name}(
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
        fingerprint TEXT NOT NULL,
        PRIMARY KEY(problem_id, sample_index, fingerprint),
        FOREIGN KEY(problem_id, sample_index, fingerprint) REFERENCES attempts(problem_id, sample_index, fingerprint) ON UPDATE CASCADE);
    """;

    /// <summary>Columns added after version 1, as (table, column, definition): added on open when an older ledger lacks them.</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        // Partial credit (Verdict.Score); NULL in ledgers written before it, read as 1 when accepted, else 0.
        ("verdicts", "score", "REAL"),
        // Shared ledgers: which process a run is (host:pid), when it last showed life, which batch it works on.
        ("runs", "worker", "TEXT"),
        ("runs", "heartbeat_at", "REAL"),
        ("runs", "batch", "INTEGER"),
    ];
}
