using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SynthData.Ledger.Store;

/// <summary>The parameter helper both providers have, on the common ADO.NET type the ledger's queries use.</summary>
public static class DbExtensions
{
    public static DbParameter AddWithValue(this DbParameterCollection parameters, string name, object? value) => parameters switch
    {
        SqliteParameterCollection s => s.AddWithValue(name, value ?? DBNull.Value),
        NpgsqlParameterCollection n => n.AddWithValue(name, value ?? DBNull.Value),
        _ => throw new NotSupportedException($"no ledger store uses {parameters.GetType().Name}"),
    };

    /// <summary>A parameter whose value is set per row (prepared once, executed many times).</summary>
    public static DbParameter AddParameter(this DbParameterCollection parameters, string name)
    {
        var p = parameters.AddWithValue(name, DBNull.Value);
        return p;
    }

    /// <summary>Reads an integer whatever width or kind the store returns (SQLite INTEGER, PostgreSQL int8/numeric).</summary>
    public static long Int64(this DbDataReader r, int ordinal) => Convert.ToInt64(r.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static int Int32(this DbDataReader r, int ordinal) => Convert.ToInt32(r.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
