using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SynthData.Ledger.Store;

/// <summary>The single-machine ledger: one SQLite file in WAL mode.</summary>
public sealed class SqliteLedgerStore : LedgerStore
{
    private readonly string _connectionString;

    public SqliteLedgerStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public override string Location => Path;

    public override bool Shared => false;

    public override DbConnection Open()
    {
        var dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir))
            Directory.CreateDirectory(dir);
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Execute(c, "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
        return c;
    }

    /// <summary>The schema is written in SQLite's own types.</summary>
    public override string Dialect(string ddl) => ddl;

    public override string ListAggregate(string expression) => $"group_concat({expression})";

    public override bool ColumnExists(DbConnection c, string table, string column)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM pragma_table_info($t) WHERE name = $c";
        cmd.Parameters.AddWithValue("$t", table);
        cmd.Parameters.AddWithValue("$c", column);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>WAL mode is set once per file; SQLite serialises schema changes by itself (busy_timeout).</summary>
    public override IDisposable LockSchema(DbConnection c)
    {
        Execute(c, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        return new Released();
    }

    public override void Migrate(DbConnection c, int from) => LedgerMigration.Upgrade((SqliteConnection)c, from);

    public override bool IsBusy(Exception e) => e is SqliteException { SqliteErrorCode: 5 or 6 };

    private static void Execute(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private sealed class Released : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
