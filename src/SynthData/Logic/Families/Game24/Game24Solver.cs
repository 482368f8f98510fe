using SynthData.Common;
using SynthData.Logic.Arithmetic;

namespace SynthData.Logic.Families.Game24;

/// <summary>What an exhaustive search found for four numbers: how many derivations reach the goal, and how.</summary>
internal sealed record Game24Analysis(int[] Numbers, int Solutions, int IntegerSolutions, string? Expression);

/// <summary>
/// Exhaustive search over every way to combine the numbers pairwise with + - * / (both orders), in exact rationals.
/// Counts derivations (a measure of how easy the hand is) and those whose every intermediate is an integer.
/// </summary>
internal static class Game24Solver
{
    public const int Goal = 24;

    /// <summary>Every multiset of four numbers from 1..13 with its analysis, computed once.</summary>
    public static IReadOnlyList<Game24Analysis> Hands => LazyHands.Value;

    private static readonly Lazy<IReadOnlyList<Game24Analysis>> LazyHands = new(() =>
    {
        var hands = new List<Game24Analysis>();
        for (var a = 1; a <= 13; a++)
            for (var b = a; b <= 13; b++)
                for (var c = b; c <= 13; c++)
                    for (var d = c; d <= 13; d++)
                        hands.Add(Analyse([a, b, c, d], withExpression: false));
        return hands;
    });

    public static Game24Analysis Analyse(int[] numbers, bool withExpression)
    {
        var values = numbers.Select(n => (Rational)n).ToArray();
        int solutions = 0, integerSolutions = 0;
        Count(values, values.Length, true, ref solutions, ref integerSolutions);
        var expression = withExpression ? Find(numbers.Select(n => ArithmeticTerm.Of(n)).ToList()) : null;
        return new Game24Analysis(numbers, solutions, integerSolutions, expression);
    }

    private static void Count(Rational[] values, int n, bool integral, ref int solutions, ref int integerSolutions)
    {
        if (n == 1)
        {
            if (values[0] == Goal)
            {
                solutions++;
                if (integral)
                    integerSolutions++;
            }
            return;
        }
        Span<Rational> results = stackalloc Rational[6];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                Rational a = values[i], b = values[j];
                var count = 0;
                results[count++] = a + b;
                results[count++] = a - b;
                results[count++] = b - a;
                results[count++] = a * b;
                if (b.Sign != 0)
                    results[count++] = a / b;
                if (a.Sign != 0)
                    results[count++] = b / a;
                // Move the last value into slot j and put each result in slot i: the first n-1 slots are the rest.
                var last = values[n - 1];
                values[j] = last;
                for (var k = 0; k < count; k++)
                {
                    values[i] = results[k];
                    Count(values, n - 1, integral && results[k].IsInteger, ref solutions, ref integerSolutions);
                }
                values[j] = b;
                values[i] = a;
                values[n - 1] = last;
            }
    }

    private static string? Find(List<ArithmeticTerm> terms)
    {
        if (terms.Count == 1)
            return terms[0].Value == Goal ? terms[0].Text : null;
        for (var i = 0; i < terms.Count; i++)
            for (var j = i + 1; j < terms.Count; j++)
            {
                var rest = terms.Where((_, k) => k != i && k != j).ToList();
                foreach (var (x, op, y) in Pairs(terms[i], terms[j]))
                {
                    if (ArithmeticTerm.Combine(x, op, y) is not { } combined)
                        continue;
                    rest.Add(combined);
                    if (Find(rest) is { } found)
                        return found;
                    rest.RemoveAt(rest.Count - 1);
                }
            }
        return null;
    }

    private static IEnumerable<(ArithmeticTerm, char, ArithmeticTerm)> Pairs(ArithmeticTerm a, ArithmeticTerm b)
    {
        // Larger operand first reads naturally (9 - 3, not 3 - 9 then a compensating step).
        if (a.Value < b.Value)
            (a, b) = (b, a);
        yield return (a, '+', b);
        yield return (a, '*', b);
        yield return (a, '-', b);
        yield return (a, '/', b);
        yield return (b, '-', a);
        yield return (b, '/', a);
    }
}
