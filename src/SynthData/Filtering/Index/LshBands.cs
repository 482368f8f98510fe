namespace SynthData.Filtering.Index;

/// <summary>
/// Locality-sensitive hashing over MinHash signatures: signatures are cut into bands, and two items that agree on a
/// whole band become candidates. The band width is the widest that still makes pairs at the threshold candidates
/// with probability ≥ 99%, so an index finds near duplicates without comparing every pair.
/// </summary>
public sealed class LshBands
{
    private readonly int _rows;

    public LshBands(int permutations, double threshold)
    {
        (Count, _rows) = Bands(permutations, threshold);
    }

    /// <summary>Bands per signature: the number of keys <see cref="Keys"/> gives.</summary>
    public int Count { get; }

    /// <summary>Identifies the banding, so an index built with another one is not read as if it were this one.</summary>
    public string Layout => $"{Count}x{_rows}";

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

    /// <summary>
    /// One key per band, in one key space for all bands, salted with <paramref name="group"/>: only items of the same
    /// group (domain and how it is judged) can ever be duplicates, so items of other groups never become candidates.
    /// </summary>
    public ulong[] Keys(ReadOnlySpan<ulong> signature, UInt128 group)
    {
        var keys = new ulong[Count];
        var salt = Hash64.Mix((ulong)group ^ Hash64.Mix((ulong)(group >> 64)));
        for (var b = 0; b < Count; b++)
        {
            var h = Hash64.Mix(salt ^ (0xCBF29CE484222325UL + (ulong)b));
            for (var r = b * _rows; r < (b + 1) * _rows; r++)
                h = Hash64.Mix(h ^ signature[r]);
            keys[b] = h;
        }

        return keys;
    }
}
