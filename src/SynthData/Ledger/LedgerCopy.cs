using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SynthData.Ledger.Store;

namespace SynthData.Ledger;

/// <summary>What <c>ledger copy</c> did to one table: rows in each ledger after the copy, rows it added, and whether they agree.</summary>
public sealed record TableCopy(string Table, long SourceRows, long TargetRows, long Added, string SourceChecksum, string TargetChecksum)
{
    public bool Verified => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}

/// <summary>
/// Copies a ledger between stores (SQLite file ↔ PostgreSQL), table by table in key order, in chunks of one
/// transaction each with insert-if-absent, so an interrupted copy is resumed by running it again. Afterwards each table
/// is verified by its row count and a SHA-256 over its rows in key order, read the same way from both ledgers.
/// Leases and budget counters are a live run's state and are not copied; the duplicate index is derived from the
/// problems and rebuilt by the first batch that needs it.
/// </summary>
public static class LedgerCopy
{
    /// <summary>Tables in an order that satisfies the foreign keys, with their primary keys.</summary>
    private static readonly (string Table, string Key)[] Tables =
    [
        ("runs", "id"),
        ("problems", "id"),
        ("settings", "fingerprint"),
        ("source_positions", "source_key"),
        ("problem_drops", "problem_id"),
        ("attempts", "problem_id, sample_index, fingerprint"),
        ("attempt_errors", "id"),
        ("verdicts", "problem_id, sample_index, fingerprint"),
    ];

    private const int Chunk = 2000;

    public static List<TableCopy> Copy(RunLedger from, RunLedger to, Action<string>? progress = null)
    {
        var result = new List<TableCopy>();
        foreach (var (table, key) in Tables)
        {
            var added = CopyTable(from, to, table, key);
            to.Store.SyncIdentity(to, table);
            var (sourceRows, sourceSum) = Checksum(from, table, key);
            var (targetRows, targetSum) = Checksum(to, table, key);
            var copy = new TableCopy(table, sourceRows, targetRows, added, sourceSum, targetSum);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{table}: {sourceRows} rows, {added} copied now, {(copy.Verified ? "verified" : "MISMATCH")}"));
            result.Add(copy);
        }

        return result;
    }

    private static long CopyTable(RunLedger from, RunLedger to, string table, string key)
    {
        using var source = from.Open();
        using var read = source.CreateCommand();
        read.CommandText = $"SELECT * FROM {table} ORDER BY {key}";
        using var r = read.ExecuteReader();
        var columns = Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToList();
        using var target = to.Open();
        long added = 0;
        var more = r.Read();
        while (more)
        {
            using var tx = target.BeginTransaction();
            using var insert = target.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO {table}({string.Join(", ", columns)}) VALUES({string.Join(", ", columns.Select((_, i) => $"$c{i}"))}) ON CONFLICT({key}) DO NOTHING";
            var ps = columns.Select((_, i) => insert.Parameters.AddParameter($"$c{i}")).ToList();
            for (var n = 0; n < Chunk && more; n++, more = r.Read())
            {
                for (var i = 0; i < columns.Count; i++)
                    ps[i].Value = r.GetValue(i);
                added += insert.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return added;
    }

    /// <summary>Row count and SHA-256 of a table's rows in key order, each value written in one canonical form.</summary>
    internal static (long Rows, string Sha256) Checksum(RunLedger ledger, string table, string key)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {table} ORDER BY {key}";
        using var r = cmd.ExecuteReader();
        // Columns by name, sorted: the two stores may list columns added later in different positions.
        var order = Enumerable.Range(0, r.FieldCount).OrderBy(r.GetName, StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        var sb = new StringBuilder();
        while (r.Read())
        {
            rows++;
            sb.Clear();
            foreach (var i in order)
            {
                sb.Append(Canonical(r.GetValue(i)));
                sb.Append('\u001f');
            }

            sb.Append('\u001e');
            hash.AppendData(Encoding.UTF8.GetBytes(sb.ToString()));
        }

        return (rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Canonical(object value) => value switch
    {
        DBNull => "\u0000",
        string s => "s" + s,
        double d => "n" + d.ToString("R", CultureInfo.InvariantCulture),
        float f => "n" + ((double)f).ToString("R", CultureInfo.InvariantCulture),
        decimal m => "n" + ((double)m).ToString("R", CultureInfo.InvariantCulture),
        long or int or short or byte => "n" + Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "n1" : "n0",
        byte[] bytes => "b" + Convert.ToHexString(bytes),
        _ => "?" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
