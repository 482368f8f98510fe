using System.Text.Json.Nodes;
using SynthData.Common;
using static System.FormattableString;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// Order-of-operations arithmetic on integers; every intermediate value is an integer.
/// Levels: 1 = two operations of + - × on 1..12, never negative; 2 = three operations, ÷ and parentheses, 1..20,
/// never negative; 3 = four operations, negative numbers; 4 = five operations with an exponent; 5 = six or seven
/// operations with an exponent and larger numbers.
/// Metadata: <c>expression</c>, the expression in ASCII (<c>* / ^</c>, negatives and fractions bracketed).
/// </summary>
public sealed class ArithmeticGenerator : MathProblemGenerator
{
    private sealed record Level(int MinOperations, int MaxOperations, int MaxOperand, bool Negatives, bool Division, bool Power, long MaxValue);

    private static readonly Level[] Levels =
    [
        new(2, 2, 12, Negatives: false, Division: false, Power: false, MaxValue: 200),
        new(3, 3, 20, Negatives: false, Division: true, Power: false, MaxValue: 500),
        new(4, 4, 25, Negatives: true, Division: true, Power: false, MaxValue: 2_000),
        new(5, 5, 30, Negatives: true, Division: true, Power: true, MaxValue: 5_000),
        new(6, 7, 40, Negatives: true, Division: true, Power: true, MaxValue: 20_000),
    ];

    private static readonly Func<string, string>[] Prompts =
    [
        e => $"Evaluate {e}.",
        e => $"Compute {e}.",
        e => $"What is the value of {e}?",
        e => $"Calculate {e}, following the order of operations.",
        e => $"Simplify {e} to a single integer.",
    ];

    public override string Name => "arithmetic";

    public override string Description =>
        "Order of operations on integers: + - × ÷ and parentheses; negative numbers from level 3, exponents from level 4.";

    protected override GeneratedProblem Create(SeededRandom rng, int difficulty)
    {
        var level = Levels[difficulty - 1];
        while (true)
        {
            var tree = Build(rng, level, rng.Next(level.MinOperations, level.MaxOperations));
            var steps = ExpressionReducer.Reduce(tree);
            if (steps is null || !steps.All(s => Acceptable(s.Result, level)) || (level.Power && !steps.Any(s => s.Op == Operator.Power)))
                continue;

            var shown = ExpressionRenderer.Render(tree, ExpressionStyle.Plain);
            var answer = steps[^1].Result.ToString();
            var lines = new List<string>
            {
                "Follow the order of operations: parentheses first, then exponents, then multiplication and division from left to right, then addition and subtraction from left to right.",
                $"Start with {shown}.",
            };
            foreach (var step in steps)
            {
                var operation = Invariant($"{ExpressionRenderer.Operation(step.Op, step.Left, step.Right, ExpressionStyle.Plain)} = {step.Result}");
                lines.Add(step.After is NumberNode
                    ? $"Finally, {operation}."
                    : $"{operation}, which leaves {ExpressionRenderer.Render(step.After, ExpressionStyle.Plain)}.");
            }
            return Problem(rng.Pick(Prompts)(shown), answer, lines,
                new JsonObject { ["expression"] = ExpressionRenderer.Render(tree, ExpressionStyle.Ascii) });
        }
    }

    private static bool Acceptable(Rational value, Level level) =>
        value.IsInteger && System.Math.Abs(value.Numerator) <= level.MaxValue && (level.Negatives || value.Sign >= 0);

    private static Expression Build(SeededRandom rng, Level level, int operations)
    {
        if (operations == 0)
            return Leaf(rng, level);
        var op = PickOperator(rng, level, operations);
        if (op == Operator.Power)
        {
            var smallBase = Expression.Of(rng.Next(2, 6) * (level.Negatives && rng.Chance(0.3) ? -1L : 1L));
            var @base = operations == 2 ? Build(rng, level with { MaxOperand = 6 }, 1) : smallBase;
            return Expression.Of(Operator.Power, @base, Expression.Of(rng.Chance(0.7) ? 2 : 3));
        }
        var leftOperations = rng.Next(0, operations - 1);
        return Expression.Of(op, Build(rng, level, leftOperations), Build(rng, level, operations - 1 - leftOperations));
    }

    /// <summary>Powers wrap at most one inner operation so that their values stay small.</summary>
    private static Operator PickOperator(SeededRandom rng, Level level, int operations)
    {
        if (level.Power && operations <= 2 && rng.Chance(0.35))
            return Operator.Power;
        var choices = level.Division
            ? new[] { Operator.Add, Operator.Subtract, Operator.Multiply, Operator.Divide }
            : [Operator.Add, Operator.Subtract, Operator.Multiply];
        return rng.Pick(choices);
    }

    private static Expression Leaf(SeededRandom rng, Level level)
    {
        long value = rng.Next(1, level.MaxOperand);
        return Expression.Of(level.Negatives && rng.Chance(0.25) ? -value : value);
    }
}
