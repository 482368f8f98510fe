namespace SynthData.Filtering;

/// <summary>
/// Locality-sensitive hashing over MinHash signatures: signatures are cut into bands, and two items that agree on a
/// whole band become candidates. The band width is the widest that still makes pairs at the threshold candidates
/// with probability ≥ 99%, so the index finds near duplicates without comparing every pair.
/// </summary>
/// <remarks>
/// Items are the numbers 0, 1, 2… in the order they are added. Each bucket is a chain threaded through two flat
/// arrays instead of a list object per bucket: a run indexes every problem of a large ledger, and a list per
/// (problem, band) cost about 60 bytes more per entry than the 8 bytes a chain link needs.
/// </remarks>
public sealed class LshIndex
{
    private readonly int _rows;
    private readonly int _bands;
    private readonly Dictionary<(int Band, ulong Key), (int Head, int Tail)> _buckets = [];
    private readonly List<int> _linkItem = [];
    private readonly List<int> _linkNext = [];
    private int _count;

    public LshIndex(int permutations, double threshold)
    {
        (_bands, _rows) = Bands(permutations, threshold);
    }

    public static (int Bands, int Rows) Bands(int permutations, double threshold)
    {
        for (var rows = 16; rows > 1; rows /= 2)
        {
            var bands = permutations / rows;
            if (bands == 0)
                continue;
            var p = 1 - Math.Pow(1 - Math.Pow(threshold, rows), bands);
            if (p >= 0.99)
                return (bands, rows);
        }

        return (permutations, 1);
    }

    /// <summary>Adds the next item (its number is the count of items added before it) and returns that number.</summary>
    public int Add(ReadOnlySpan<ulong> signature)
    {
        var item = _count++;
        for (var b = 0; b < _bands; b++)
        {
            var key = (b, BandKey(signature, b));
            var link = _linkItem.Count;
            _linkItem.Add(item);
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

        return item;
    }

    /// <summary>Items sharing at least one band with <paramref name="signature"/>, each once, in insertion order per band.</summary>
    public List<int> Candidates(ReadOnlySpan<ulong> signature)
    {
        var seen = new HashSet<int>();
        var found = new List<int>();
        for (var b = 0; b < _bands; b++)
        {
            if (!_buckets.TryGetValue((b, BandKey(signature, b)), out var bucket))
                continue;
            for (var link = bucket.Head; link >= 0; link = _linkNext[link])
            {
                if (seen.Add(_linkItem[link]))
                    found.Add(_linkItem[link]);
            }
        }

        return found;
    }

    private ulong BandKey(ReadOnlySpan<ulong> signature, int band)
    {
        var h = 0xCBF29CE484222325UL;
        for (var r = band * _rows; r < (band + 1) * _rows; r++)
            h = Hash64.Mix(h ^ signature[r]);
        return h;
    }
}
