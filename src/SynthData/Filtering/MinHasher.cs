namespace SynthData.Filtering;

/// <summary>
/// MinHash signatures over token shingles. Each of the k hash functions is the shingle hash mixed with its own seed;
/// the share of equal signature positions estimates the Jaccard similarity of the two shingle sets.
/// </summary>
public sealed class MinHasher
{
    private readonly ulong[] _seeds;
    private readonly int _shingleSize;

    public MinHasher(int permutations, int shingleSize, ulong seed = 0x5EED_0F_D1_5C0FUL)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        _shingleSize = shingleSize;
        _seeds = new ulong[permutations];
        for (var i = 0; i < permutations; i++)
            _seeds[i] = Hash64.Mix(seed + (ulong)i * 0x9E3779B97F4A7C15UL);
    }

    public int Permutations => _seeds.Length;

    public ulong[] Signature(string text) => Signature(TextTokens.NgramHashes(TextTokens.Tokens(text), _shingleSize));

    public ulong[] Signature(IEnumerable<ulong> shingles)
    {
        var signature = new ulong[_seeds.Length];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < _seeds.Length; i++)
            {
                var h = Hash64.Mix(shingle ^ _seeds[i]);
                if (h < signature[i])
                    signature[i] = h;
            }
        }

        return signature;
    }

    /// <summary>Estimated Jaccard similarity: the share of positions where the two signatures agree.</summary>
    public static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException("signatures of different lengths");
        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
                equal++;
        }

        return (double)equal / a.Length;
    }
}
