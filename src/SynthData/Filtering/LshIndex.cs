namespace SynthData.Filtering;

/// <summary>
/// Locality-sensitive hashing over MinHash signatures: signatures are cut into bands, and two items that agree on a
/// whole band become candidates. The band width is the widest that still makes pairs at the threshold candidates
/// with probability ≥ 99%, so the index finds near duplicates without comparing every pair.
/// </summary>
public sealed class LshIndex<T>
{
    private readonly int _rows;
    private readonly int _bands;
    private readonly Dictionary<(int Band, ulong Key), List<T>> _buckets = [];

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

    public void Add(ulong[] signature, T item)
    {
        for (var b = 0; b < _bands; b++)
        {
            var key = (b, BandKey(signature, b));
            if (!_buckets.TryGetValue(key, out var list))
                _buckets[key] = list = [];
            list.Add(item);
        }
    }

    /// <summary>Items sharing at least one band with <paramref name="signature"/>, each once, in insertion order per band.</summary>
    public IEnumerable<T> Candidates(ulong[] signature)
    {
        var seen = new HashSet<T>();
        for (var b = 0; b < _bands; b++)
        {
            if (!_buckets.TryGetValue((b, BandKey(signature, b)), out var list))
                continue;
            foreach (var item in list)
            {
                if (seen.Add(item))
                    yield return item;
            }
        }
    }

    private ulong BandKey(ulong[] signature, int band)
    {
        var h = 0xCBF29CE484222325UL;
        for (var r = band * _rows; r < (band + 1) * _rows; r++)
            h = Hash64.Mix(h ^ signature[r]);
        return h;
    }
}
