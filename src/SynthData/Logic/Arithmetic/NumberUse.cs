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

    /// <summary>
    /// The expression a response answers with, evaluated, using only the given numbers; or null and the rejection.
    /// </summary>
    public static ArithmeticValue? ReadAnswer(string response, IReadOnlyList<int> given, out LogicCheck rejection)
    {
        rejection = LogicCheck.Fail("no answer block");
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return null;
        var parsed = ArithmeticExpression.TryEvaluate(ArithmeticExpression.ExpressionPart(answer), out var error);
        if (parsed is null)
        {
            rejection = LogicCheck.Fail($"not a valid expression: {error}");
            return null;
        }
        if (Overused(parsed.Numbers, given) is { } bad)
        {
            rejection = LogicCheck.Fail($"uses {bad} more often than it is given");
            return null;
        }
        return parsed;
    }

    /// <summary>Partial credit for a valid expression that misses: 0.9 at a hair's breadth, 0 at a miss of the target itself.</summary>
    public static double Closeness(Rational value, long target)
    {
        var v = (double)value.Numerator / value.Denominator;
        var miss = Math.Abs(v - target) / Math.Max(1, Math.Abs(target));
        return double.IsFinite(miss) ? 0.9 * Math.Max(0, 1 - miss) : 0;
    }
}
