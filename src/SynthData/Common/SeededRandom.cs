namespace SynthData.Common;

/// <summary>
/// A small deterministic PRNG (xoshiro256** seeded by SplitMix64). We own it instead of using
/// <see cref="System.Random"/> so that the same seed gives the same problems on every .NET version.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix(ref sm);
        _s1 = SplitMix(ref sm);
        _s2 = SplitMix(ref sm);
        _s3 = SplitMix(ref sm);
    }

    /// <summary>A generator for one item of a seeded stream: independent of how many items come before it.</summary>
    public static SeededRandom ForItem(long seed, long index, string salt = "")
    {
        var h = Mix((ulong)seed ^ 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ (ulong)index);
        foreach (var c in salt)
            h = Mix(h ^ c);
        return new SeededRandom(h);
    }

    public ulong NextUInt64()
    {
        var result = RotL(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotL(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [minInclusive, maxInclusive].</summary>
    public long Next(long minInclusive, long maxInclusive)
    {
        if (maxInclusive < minInclusive)
            throw new ArgumentOutOfRangeException(nameof(maxInclusive));
        var range = (ulong)(maxInclusive - minInclusive) + 1;
        if (range == 0)
            return (long)NextUInt64();
        // Rejection sampling removes modulo bias.
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        ulong x;
        do x = NextUInt64(); while (x >= limit);
        return minInclusive + (long)(x % range);
    }

    public int Next(int minInclusive, int maxInclusive) => (int)Next((long)minInclusive, maxInclusive);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count - 1)];

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(0, i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong RotL(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
