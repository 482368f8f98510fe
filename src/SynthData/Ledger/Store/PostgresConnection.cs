using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Npgsql;

namespace SynthData.Ledger.Store;

/// <summary>
/// An Npgsql connection that runs the ledger's portable SQL as written: SQLite-style <c>$name</c> placeholders become
/// Npgsql's <c>@name</c> when a command executes, so every query (and every query added later) needs no PostgreSQL
/// copy of its own.
/// </summary>
internal sealed class PostgresConnection(NpgsqlConnection inner) : DbConnection
{
    public NpgsqlConnection Inner => inner;

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => inner.ConnectionString = value;
    }

    public override string Database => inner.Database;
    public override string DataSource => inner.DataSource;
    public override string ServerVersion => inner.ServerVersion;
    public override ConnectionState State => inner.State;
    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);
    public override void Close() => inner.Close();
    public override void Open() => inner.Open();
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);
    protected override DbCommand CreateDbCommand() => new PostgresCommand(this, inner.CreateCommand());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}

internal sealed class PostgresCommand(PostgresConnection connection, NpgsqlCommand inner) : DbCommand
{
    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout
    {
        get => inner.CommandTimeout;
        set => inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => inner.CommandType;
        set => inner.CommandType = value;
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource
    {
        get => inner.UpdatedRowSource;
        set => inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("a ledger command stays on its connection");
    }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => inner.Transaction;
        set => inner.Transaction = (NpgsqlTransaction?)value;
    }

    public override void Cancel() => inner.Cancel();
    public override void Prepare() => Translated(c => c.Prepare());
    protected override DbParameter CreateDbParameter() => inner.CreateParameter();
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Translated(c => c.ExecuteReader(behavior));
    public override int ExecuteNonQuery() => Translated(c => c.ExecuteNonQuery());
    public override object? ExecuteScalar() => Translated(c => c.ExecuteScalar());

    /// <summary>
    /// Runs <paramref name="execute"/> with the parameters under Npgsql's names, then gives them back their
    /// <c>$name</c>s, so callers keep finding them by the names they gave (parameters are bound before execution returns).
    /// </summary>
    private T Translated<T>(Func<NpgsqlCommand, T> execute)
    {
        inner.CommandText = Placeholders(CommandText);
        var renamed = new List<NpgsqlParameter>();
        foreach (NpgsqlParameter p in inner.Parameters)
        {
            if (p.ParameterName.StartsWith('$'))
            {
                p.ParameterName = p.ParameterName[1..];
                renamed.Add(p);
            }
        }

        try
        {
            return execute(inner);
        }
        finally
        {
            foreach (var p in renamed)
                p.ParameterName = "$" + p.ParameterName;
        }
    }

    private void Translated(Action<NpgsqlCommand> execute) => Translated(c =>
    {
        execute(c);
        return 0;
    });

    /// <summary><c>$name</c> → <c>@name</c> outside string literals and quoted identifiers (<c>$1</c> is left alone).</summary>
    internal static string Placeholders(string sql)
    {
        var sb = new StringBuilder(sql.Length);
        char quote = '\0';
        for (var i = 0; i < sql.Length; i++)
        {
            var ch = sql[i];
            if (quote != '\0')
            {
                if (ch == quote)
                    quote = '\0';
            }
            else if (ch is '\'' or '"')
                quote = ch;
            else if (ch == '$' && i + 1 < sql.Length && (char.IsAsciiLetter(sql[i + 1]) || sql[i + 1] == '_'))
                ch = '@';
            sb.Append(ch);
        }

        return sb.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
