using System.Data.Common;

namespace SynthData.Ledger.Store;

/// <summary>
/// Where a ledger lives: the SQLite file of a single machine, or a PostgreSQL database several machines share. The
/// ledger's queries are written once (portable SQL with <c>$name</c> parameters); a store supplies connections, turns
/// the schema into its own dialect, and answers the few questions SQL cannot ask portably.
/// </summary>
public abstract class LedgerStore
{
    /// <summary>The <c>run.ledger</c> value (or <c>SYNTHDATA_LEDGER</c>) that selects the default SQLite store.</summary>
    public const string SqliteSetting = "sqlite";

    /// <summary>Where the ledger is, for messages: a file path, or a URI without its password.</summary>
    public abstract string Location { get; }

    /// <summary>Several processes may work on this ledger at once: work is claimed with leases, budgets are shared.</summary>
    public abstract bool Shared { get; }

    /// <summary>An open connection, ready for the ledger's SQL.</summary>
    public abstract DbConnection Open();

    /// <summary>The schema (written in SQLite's types) in this store's dialect.</summary>
    public abstract string Dialect(string ddl);

    /// <summary>The values of <paramref name="expression"/> over a group, comma-separated.</summary>
    public abstract string ListAggregate(string expression);

    public abstract bool ColumnExists(DbConnection c, string table, string column);

    /// <summary>Held while the schema is created or migrated, so processes opening the ledger at once never race.</summary>
    public abstract IDisposable LockSchema(DbConnection c);

    /// <summary>Upgrades an older schema in place (one transaction), or throws when this store has no such version.</summary>
    public abstract void Migrate(DbConnection c, int from);

    /// <summary>After rows were inserted with their own ids (ledger copy): the next generated id follows them.</summary>
    public virtual void SyncIdentity(RunLedger ledger, string table)
    {
    }

    /// <summary>The database is briefly held by someone else: waiting and retrying the same transaction is right.</summary>
    public abstract bool IsBusy(Exception e);

    /// <summary>The ledger cannot be reached or written (server gone, disk full, permissions): the run must stop.</summary>
    public static bool IsUnavailable(Exception e) =>
        e is DbException or IOException or UnauthorizedAccessException or TimeoutException or System.Net.Sockets.SocketException;

    /// <summary>
    /// The store for a <c>run.ledger</c> setting: <c>sqlite</c> (the file under <paramref name="outputDirectory"/>)
    /// or a <c>postgresql://</c> URI.
    /// </summary>
    public static LedgerStore For(string? setting, string outputDirectory)
    {
        if (string.IsNullOrWhiteSpace(setting) || setting.Equals(SqliteSetting, StringComparison.OrdinalIgnoreCase))
            return new SqliteLedgerStore(System.IO.Path.Combine(outputDirectory, RunLedger.FileName));
        if (PostgresLedgerStore.IsUri(setting))
            return new PostgresLedgerStore(setting);
        // A path to a SQLite file (ledger copy's --from/--to accept these).
        return new SqliteLedgerStore(System.IO.Path.GetFullPath(setting));
    }

    /// <summary>Whether a setting names a store (sqlite, or a postgresql URI); anything else is a config error.</summary>
    public static bool IsValidSetting(string? setting) =>
        string.IsNullOrWhiteSpace(setting) || setting.Equals(SqliteSetting, StringComparison.OrdinalIgnoreCase) || PostgresLedgerStore.IsUri(setting);
}
