using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Data.Common;
using SynthData.Filtering.Index;
using SynthData.Ledger.Store;
using SynthData.Problems;

namespace SynthData.Ledger;

/// <summary>
/// The duplicate judge's memory kept in the ledger (tables <c>dedup_entries</c> and <c>dedup_bands</c>), inside the
/// batch's intake transaction: problems a batch adds are remembered with it or, if it is rolled back, not at all. A
/// run judges new problems against a ledger of any size in constant memory, and problems already indexed are never
/// hashed again. The index records the filter layout it was built with; another layout rebuilds it.
/// </summary>
public sealed class LedgerDedupIndex : IDedupIndex, IDisposable
{
    private const int PageSize = 1_000;
    private readonly DbConnection _c;
    private readonly DbTransaction _tx;
    private readonly DbCommand _insert;
    private readonly DbCommand _insertBand;
    private readonly DbCommand _exact;
    private DbCommand? _candidates;

    internal LedgerDedupIndex(DbConnection connection, DbTransaction transaction, string layout)
    {
        _c = connection;
        _tx = transaction;
        if (Scalar("SELECT value FROM meta WHERE key = 'dedup_layout'") as string != layout)
        {
            // Built under another filter configuration (or never): its digests and bands mean something else.
            Run("DELETE FROM dedup_bands; DELETE FROM dedup_entries;");
            using var set = Command("INSERT INTO meta(key, value) VALUES('dedup_layout', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            set.Parameters.AddWithValue("$v", layout);
            set.ExecuteNonQuery();
        }

        _insert = Command("INSERT INTO dedup_entries(problem_id, grp, exact, text, signature) VALUES($id, $g, $x, $t, $s) RETURNING entry");
        foreach (var name in new[] { "$id", "$g", "$x", "$t", "$s" })
            _insert.Parameters.AddParameter(name);
        _insertBand = Command("INSERT INTO dedup_bands(key, entry) VALUES($k, $e) ON CONFLICT DO NOTHING");
        _insertBand.Parameters.AddParameter("$k");
        _insertBand.Parameters.AddParameter("$e");
        _exact = Command("SELECT problem_id, grp, exact, text FROM dedup_entries WHERE exact = $x ORDER BY entry LIMIT 1");
        _exact.Parameters.AddParameter("$x");
    }

    /// <summary>The ledger's problems not in the index yet (all of them after a layout change), a page at a time.</summary>
    public IEnumerable<Problem> Unindexed()
    {
        var after = "";
        while (true)
        {
            var page = new List<(string Id, string Json)>(PageSize);
            using (var cmd = Command($"""
                SELECT p.id, p.json FROM problems p
                WHERE p.id > $after AND NOT EXISTS (SELECT 1 FROM dedup_entries d WHERE d.problem_id = p.id)
                ORDER BY p.id LIMIT {PageSize}
                """))
            {
                cmd.Parameters.AddWithValue("$after", after);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    page.Add((r.GetString(0), r.GetString(1)));
            }

            foreach (var (_, json) in page)
                yield return RunLedger.ParseProblem(json);
            if (page.Count < PageSize)
                yield break;
            after = page[^1].Id;
        }
    }

    public void Add(DedupEntry entry, ReadOnlySpan<ulong> bandKeys, ReadOnlySpan<ulong> signature)
    {
        _insert.Parameters["$id"].Value = entry.ProblemId;
        _insert.Parameters["$g"].Value = Bytes(entry.Group);
        _insert.Parameters["$x"].Value = entry.Exact is { } x ? Bytes(x) : DBNull.Value;
        _insert.Parameters["$t"].Value = entry.Text;
        _insert.Parameters["$s"].Value = signature.IsEmpty ? DBNull.Value : MemoryMarshal.AsBytes(signature).ToArray();
        var at = Convert.ToInt64(_insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        _insertBand.Parameters["$e"].Value = at;
        foreach (var key in bandKeys)
        {
            _insertBand.Parameters["$k"].Value = unchecked((long)key);
            _insertBand.ExecuteNonQuery();
        }
    }

    public DedupEntry? FindExact(UInt128 exact)
    {
        _exact.Parameters["$x"].Value = Bytes(exact);
        using var r = _exact.ExecuteReader();
        return r.Read() ? Entry(r) : null;
    }

    public IEnumerable<(DedupEntry Entry, ulong[] Signature)> Candidates(ReadOnlySpan<ulong> bandKeys)
    {
        if (bandKeys.IsEmpty)
            return [];
        // One statement per key count (the filter's band count), prepared once.
        if (_candidates is null || _candidates.Parameters.Count != bandKeys.Length)
        {
            _candidates?.Dispose();
            var names = Enumerable.Range(0, bandKeys.Length).Select(i => "$k" + i).ToList();
            _candidates = Command($"""
                SELECT problem_id, grp, exact, text, signature FROM dedup_entries
                WHERE entry IN (SELECT entry FROM dedup_bands WHERE key IN ({string.Join(", ", names)})) ORDER BY entry
                """);
            foreach (var name in names)
                _candidates.Parameters.AddParameter(name);
        }

        for (var i = 0; i < bandKeys.Length; i++)
            _candidates.Parameters[i].Value = unchecked((long)bandKeys[i]);
        var found = new List<(DedupEntry, ulong[])>();
        using var r = _candidates.ExecuteReader();
        while (r.Read())
            found.Add((Entry(r), MemoryMarshal.Cast<byte, ulong>((byte[])r.GetValue(4)).ToArray()));
        return found;
    }

    private static DedupEntry Entry(DbDataReader r) =>
        new(r.GetString(0), Digest((byte[])r.GetValue(1)), r.IsDBNull(2) ? null : Digest((byte[])r.GetValue(2)), r.GetString(3));

    private static byte[] Bytes(UInt128 digest)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, digest);
        return bytes;
    }

    private static UInt128 Digest(byte[] bytes) => BinaryPrimitives.ReadUInt128LittleEndian(bytes);

    private DbCommand Command(string sql)
    {
        var cmd = _c.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private object? Scalar(string sql)
    {
        using var cmd = Command(sql);
        return cmd.ExecuteScalar();
    }

    private void Run(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _insertBand.Dispose();
        _exact.Dispose();
        _candidates?.Dispose();
    }
}
