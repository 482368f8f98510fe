using SynthData.Common;

namespace SynthData.Logic.Arithmetic;

/// <summary>Rules shared by the number-target families: which given numbers an answer used, and how close it came.</summary>
public static class NumberUse
{
    /// <summary>The first literal used more often than it was given (or not given at all), or null when none is.</summary>
    public static long? Overused(IReadOnlyList<long> used, IReadOnlyList<int> given)
    {
        var left = new Dictionary<long, int>();
        foreach (var g in given)
            left[g] = left.GetValueOrDefault(g) + 1;
        foreach (var u in used)
        {
            if (left.GetValueOrDefault(u) == 0)
                return u;
            left[u]--;
        }
        return null;
    }

    /// <summary>Partial credit for a valid expression that misses: 0.9 at a hair's breadth, 0 at a miss of the target itself.</summary>
    public static double Closeness(Rational value, long target)
    {
        var v = (double)value.Numerator / value.Denominator;
        var miss = Math.Abs(v - target) / Math.Max(1, Math.Abs(target));
        return double.IsFinite(miss) ? 0.9 * Math.Max(0, 1 - miss) : 0;
    }
}
