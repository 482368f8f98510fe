namespace SynthData.Filtering;

/// <summary>A fast 64-bit hash that is the same in every process (string.GetHashCode is not).</summary>
public static class Hash64
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>FNV-1a over the tokens <c>[start, start + count)</c>, separated so that ("ab","c") differs from ("a","bc").</summary>
    public static ulong Of(IReadOnlyList<string> tokens, int start, int count)
    {
        var h = FnvOffset;
        for (var t = start; t < start + count; t++)
        {
            foreach (var c in tokens[t])
            {
                h = (h ^ c) * FnvPrime;
            }

            h = (h ^ 0x1F) * FnvPrime;
        }

        return Mix(h);
    }

    /// <summary>SplitMix64's finaliser: spreads every input bit over the whole word.</summary>
    public static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
