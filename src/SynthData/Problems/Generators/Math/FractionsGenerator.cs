using System.Text.Json.Nodes;
using SynthData.Common;
using static System.FormattableString;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// Fraction arithmetic with the answer in lowest terms (an integer when the result is whole).
/// Levels: 1 = add/subtract with a common denominator; 2 = add/subtract with different denominators up to 12;
/// 3 = one of + - × ÷, negative fractions possible; 4 = three fractions, two operations (precedence);
/// 5 = four fractions, three operations, denominators up to 20.
/// Metadata: <c>expression</c> in ASCII with every fraction bracketed, e.g. <c>(3/4) + (-5/6)</c>.
/// </summary>
public sealed class FractionsGenerator : MathProblemGenerator
{
    private sealed record Level(int Operations, int MaxDenominator, bool SameDenominator, bool AllOperators, bool Negatives);

    private static readonly Level[] Levels =
    [
        new(1, 9, SameDenominator: true, AllOperators: false, Negatives: false),
        new(1, 12, SameDenominator: false, AllOperators: false, Negatives: false),
        new(1, 12, SameDenominator: false, AllOperators: true, Negatives: true),
        new(2, 15, SameDenominator: false, AllOperators: true, Negatives: true),
        new(3, 20, SameDenominator: false, AllOperators: true, Negatives: true),
    ];

    private static readonly Func<string, string>[] Prompts =
    [
        e => $"Compute ${e}$. Give your answer as a fraction in lowest terms.",
        e => $"Simplify ${e}$ and write the result in lowest terms.",
        e => $"What is ${e}$? Express the answer as a reduced fraction.",
        e => $"Evaluate ${e}$, giving the answer in simplest form.",
    ];

    public override string Name => "fractions";

    public override string Description =>
        "Add, subtract, multiply and divide fractions; the answer in lowest terms. More fractions and operations at higher levels.";

    protected override GeneratedProblem Create(SeededRandom rng, int difficulty)
    {
        var level = Levels[difficulty - 1];
        while (true)
        {
            var commonDenominator = rng.Next(2, level.MaxDenominator);
            var tree = Build(rng, level, level.Operations, commonDenominator);
            var steps = ExpressionReducer.Reduce(tree);
            if (steps is null || !steps.All(s => Acceptable(s.Result, level)) || (steps[^1].Result.IsInteger && difficulty < 3))
                continue;

            var shown = ExpressionRenderer.Render(tree, ExpressionStyle.Latex);
            var answer = steps[^1].Result;
            var lines = new List<string> { $"We compute ${shown}$ one operation at a time (multiplication and division before addition and subtraction)." };
            foreach (var step in steps)
            {
                lines.Add($"${Explain(step)}$");
                if (step.After is not NumberNode)
                    lines.Add($"The expression is now ${ExpressionRenderer.Render(step.After, ExpressionStyle.Latex)}$.");
            }
            lines.Add(answer.IsInteger
                ? $"The result is the whole number {answer}."
                : Invariant($"The fraction {answer} is in lowest terms because gcd({System.Math.Abs(answer.Numerator)}, {answer.Denominator}) = 1."));
            return Problem(rng.Pick(Prompts)(shown), answer.ToString(), lines,
                new JsonObject { ["expression"] = ExpressionRenderer.Render(tree, ExpressionStyle.Ascii) });
        }
    }

    private static bool Acceptable(Rational value, Level level) =>
        System.Math.Abs(value.Numerator) <= 5_000 && value.Denominator <= 2_000 && (level.Negatives || value.Sign >= 0);

    private static Expression Build(SeededRandom rng, Level level, int operations, long commonDenominator)
    {
        if (operations == 0)
            return Expression.Of(Leaf(rng, level, commonDenominator));
        var op = level.AllOperators
            ? rng.Pick([Operator.Add, Operator.Subtract, Operator.Multiply, Operator.Divide])
            : rng.Pick([Operator.Add, Operator.Subtract]);
        var leftOperations = rng.Next(0, operations - 1);
        return Expression.Of(op, Build(rng, level, leftOperations, commonDenominator), Build(rng, level, operations - 1 - leftOperations, commonDenominator));
    }

    /// <summary>A proper or improper fraction that is not a whole number.</summary>
    private static Rational Leaf(SeededRandom rng, Level level, long commonDenominator)
    {
        while (true)
        {
            var denominator = level.SameDenominator ? commonDenominator : rng.Next(2, level.MaxDenominator);
            var numerator = level.SameDenominator ? rng.Next(1, denominator - 1) : rng.Next(1, 2 * denominator);
            var value = new Rational(level.Negatives && rng.Chance(0.3) ? -numerator : numerator, denominator);
            if (!value.IsInteger && (!level.SameDenominator || value.Denominator == denominator))
                return value;
        }
    }

    private static string Explain(ReductionStep step)
    {
        var (a, b, result) = (step.Left, step.Right, step.Result);
        var left = ExpressionRenderer.Number(a, ExpressionStyle.Latex);
        var symbol = ExpressionRenderer.Symbol(step.Op, ExpressionStyle.Latex);
        var start = ExpressionRenderer.Operation(step.Op, a, b, ExpressionStyle.Latex);
        switch (step.Op)
        {
            case Operator.Add or Operator.Subtract:
            {
                var common = IntegerMath.Lcm(a.Denominator, b.Denominator);
                var scaledA = checked(a.Numerator * (common / a.Denominator));
                var scaledB = checked(b.Numerator * (common / b.Denominator));
                var sum = step.Op == Operator.Add ? scaledA + scaledB : scaledA - scaledB;
                var rewritten = a.Denominator == b.Denominator
                    ? ""
                    : $" = {Raw(scaledA, common)} {symbol} {RawOperand(scaledB, common)}";
                return $"{start}{rewritten} = {Raw(sum, common)}{Simplified(sum, common, result)}";
            }
            case Operator.Multiply:
            {
                var (n, d) = (checked(a.Numerator * b.Numerator), checked(a.Denominator * b.Denominator));
                return Invariant($"{start} = \\frac{{{a.Numerator} \\cdot {Bracket(b.Numerator)}}}{{{a.Denominator} \\cdot {b.Denominator}}} = {Raw(n, d)}{Simplified(n, d, result)}");
            }
            default:
            {
                var reciprocal = b.Reciprocal();
                var (n, d) = (checked(a.Numerator * reciprocal.Numerator), checked(a.Denominator * reciprocal.Denominator));
                return $"{start} = {left} \\times {ExpressionRenderer.Number(reciprocal, ExpressionStyle.Latex)} = {Raw(n, d)}{Simplified(n, d, result)}";
            }
        }
    }

    private static string Simplified(long numerator, long denominator, Rational result) =>
        result.Numerator == numerator && result.Denominator == denominator ? "" : $" = {result.ToLatex()}";

    /// <summary>An unreduced fraction, shown as computed (e.g. <c>\frac{10}{12}</c>), with the sign in front.</summary>
    private static string Raw(long numerator, long denominator) =>
        denominator == 1
            ? Invariant($"{numerator}")
            : Invariant($"{(numerator < 0 ? "-" : "")}\\frac{{{System.Math.Abs(numerator)}}}{{{denominator}}}");

    private static string RawOperand(long numerator, long denominator) =>
        numerator < 0 ? $"({Raw(numerator, denominator)})" : Raw(numerator, denominator);

    private static string Bracket(long value) => value < 0 ? Invariant($"({value})") : Invariant($"{value}");
}
