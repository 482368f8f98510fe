using System.Runtime.InteropServices;

namespace SynthData.Filtering.Index;

/// <summary>
/// The duplicate judge's memory for a list judged on its own. Buckets are chains threaded through flat arrays and
/// signatures sit back to back in one array, instead of a list and an array object per entry.
/// </summary>
public sealed class MemoryDedupIndex : IDedupIndex
{
    private readonly List<DedupEntry> _entries = [];
    private readonly Dictionary<UInt128, int> _exact = [];
    private readonly Dictionary<ulong, (int Head, int Tail)> _buckets = [];
    private readonly List<int> _linkEntry = [];
    private readonly List<int> _linkNext = [];
    private readonly List<ulong> _signatures = [];
    private int _signatureLength;

    public void Add(DedupEntry entry, ReadOnlySpan<ulong> bandKeys, ReadOnlySpan<ulong> signature)
    {
        var at = _entries.Count;
        _entries.Add(entry);
        if (entry.Exact is { } exact)
            _exact.TryAdd(exact, at);
        if (signature.IsEmpty)
            return;
        _signatureLength = signature.Length;
        _signatures.AddRange(signature);
        foreach (var key in bandKeys)
        {
            var link = _linkEntry.Count;
            _linkEntry.Add(at);
            _linkNext.Add(-1);
            if (_buckets.TryGetValue(key, out var bucket))
            {
                _linkNext[bucket.Tail] = link;
                _buckets[key] = (bucket.Head, link);
            }
            else
            {
                _buckets[key] = (link, link);
            }
        }
    }

    public DedupEntry? FindExact(UInt128 exact) => _exact.TryGetValue(exact, out var at) ? _entries[at] : null;

    public IEnumerable<(DedupEntry Entry, ulong[] Signature)> Candidates(ReadOnlySpan<ulong> bandKeys)
    {
        var found = new SortedSet<int>();
        foreach (var key in bandKeys)
        {
            if (!_buckets.TryGetValue(key, out var bucket))
                continue;
            for (var link = bucket.Head; link >= 0; link = _linkNext[link])
                found.Add(_linkEntry[link]);
        }

        // One filter configuration adds every entry with a signature or none, so entry i's starts at i * length.
        var signatures = CollectionsMarshal.AsSpan(_signatures);
        var result = new List<(DedupEntry, ulong[])>(found.Count);
        foreach (var at in found)
            result.Add((_entries[at], signatures.Slice(at * _signatureLength, _signatureLength).ToArray()));
        return result;
    }
}
