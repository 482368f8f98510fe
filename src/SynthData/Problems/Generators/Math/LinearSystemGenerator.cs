using System.Text.Json.Nodes;
using SynthData.Common;
using static System.FormattableString;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// A 2x2 linear system with exactly one solution (systems with a zero determinant are redrawn).
/// Levels: 1 = small positive coefficients, whole-number solution 0..10; 2 = coefficients -6..6, integer solution
/// -10..10; 3 = coefficients -12..12, one equation may be given as <c>y = mx + k</c>; 4 = fractional solution;
/// 5 = terms on both sides of each equation, any rational solution.
/// Answer: the ordered pair <c>(x, y)</c>, each an integer or a reduced fraction, e.g. <c>(3/2, -1)</c>.
/// Metadata: <c>equations</c> (both as written, in ASCII) and <c>coefficients</c> [[a1,b1,c1],[a2,b2,c2]] of
/// <c>ax + by = c</c>.
/// </summary>
public sealed class LinearSystemGenerator : MathProblemGenerator
{
    private static readonly Func<string, string, string>[] Prompts =
    [
        (e1, e2) => $"Solve the system of equations\n{e1}\n{e2}\nGive the answer as an ordered pair (x, y).",
        (e1, e2) => $"Find the ordered pair (x, y) that satisfies both {e1} and {e2}.",
        (e1, e2) => $"The numbers x and y satisfy {e1} and {e2}. What is (x, y)?",
        (e1, e2) => $"Solve for x and y:\n{e1}\n{e2}\nWrite your answer as (x, y).",
    ];

    public override string Name => "linear_system";

    public override string Description =>
        "Solve a 2x2 linear system with a unique solution; the answer is the pair (x, y). Fractional solutions and rearranged equations at levels 4-5.";

    /// <summary><c>A x + B y = C</c>, written with each of the three terms on the side given by <see cref="OnLeft"/>.</summary>
    private sealed record LinearEquation(long A, long B, long C, bool[] OnLeft)
    {
        public string Show(bool ascii)
        {
            // A term keeps its sign on its standard side (x and y left, constant right) and flips when moved.
            var terms = new (long Coefficient, string Monomial, bool StandardLeft)[] { (A, "x", true), (B, "y", true), (C, "", false) };
            var left = terms.Select((t, i) => (OnLeft[i] == t.StandardLeft ? t.Coefficient : -t.Coefficient, t.Monomial, i)).Where(t => OnLeft[t.i]);
            var right = terms.Select((t, i) => (OnLeft[i] == t.StandardLeft ? t.Coefficient : -t.Coefficient, t.Monomial, i)).Where(t => !OnLeft[t.i]);
            return $"{TermFormatter.Format(left.Select(t => (t.Item1, t.Monomial)), ascii)} = {TermFormatter.Format(right.Select(t => (t.Item1, t.Monomial)), ascii)}";
        }

        public string Standard => Invariant($"{TermFormatter.Format([(A, "x"), (B, "y")])} = {C}");

        public bool IsStandard => OnLeft[0] && OnLeft[1] && !OnLeft[2];
    }

    protected override GeneratedProblem Create(SeededRandom rng, int difficulty)
    {
        while (true)
        {
            var (first, second) = Draw(rng, difficulty);
            var determinant = first.A * second.B - second.A * first.B;
            if (determinant == 0)
                continue;
            var x = new Rational(first.C * second.B - second.C * first.B, determinant);
            var y = new Rational(first.A * second.C - second.A * first.C, determinant);
            var integral = x.IsInteger && y.IsInteger;
            if ((difficulty <= 3 && !integral) || (difficulty == 4 && integral))
                continue;

            var answer = $"({x}, {y})";
            var prompt = rng.Pick(Prompts)(first.Show(false), second.Show(false));
            return Problem(prompt, answer, Explain(first, second, y, x), new JsonObject
            {
                ["equations"] = new JsonArray(first.Show(true), second.Show(true)),
                ["coefficients"] = new JsonArray(new JsonArray(first.A, first.B, first.C), new JsonArray(second.A, second.B, second.C)),
            });
        }
    }

    private static List<string> Explain(LinearEquation first, LinearEquation second, Rational y, Rational x)
    {
        var lines = new List<string>();
        if (!first.IsStandard || !second.IsStandard)
            lines.Add("Move the x and y terms to the left and the constants to the right.");
        lines.Add($"(1) {first.Standard}");
        lines.Add($"(2) {second.Standard}");

        // Scale so the x coefficients agree, then subtract to eliminate x.
        var common = IntegerMath.Lcm(first.A, second.A);
        var (m1, m2) = (common / first.A, common / second.A);
        var (b1, c1, b2, c2) = (m1 * first.B, m1 * first.C, m2 * second.B, m2 * second.C);
        lines.Add(m1 == 1 && m2 == 1
            ? Invariant($"Both equations already have {TermFormatter.Format([(common, "x")])}.")
            : Invariant($"Multiply (1) by {m1} and (2) by {m2} so that both have {TermFormatter.Format([(common, "x")])}: {TermFormatter.Format([(common, "x"), (b1, "y")])} = {c1} and {TermFormatter.Format([(common, "x"), (b2, "y")])} = {c2}."));
        lines.Add(Invariant($"Subtract the second from the first: {TermFormatter.Format([(b1 - b2, "y")])} = {c1 - c2}, so y = {y}."));

        var (a, b, c) = first.A != 0 ? (first.A, first.B, first.C) : (second.A, second.B, second.C);
        var rest = c - b * y;
        lines.Add(Invariant($"Substitute y = {y} into {(first.A != 0 ? "(1)" : "(2)")}: {a}x = {c} - ({b})({y}) = {rest}, so x = {x}."));
        return lines;
    }

    private static (LinearEquation, LinearEquation) Draw(SeededRandom rng, int difficulty)
    {
        var (maxCoefficient, positive) = difficulty switch { 1 => (3, true), 2 => (6, false), 3 => (12, false), _ => (15, false) };
        long Coefficient() => positive ? rng.Next(1, maxCoefficient) : rng.Next(1, maxCoefficient) * (rng.Chance(0.5) ? -1 : 1);

        if (difficulty <= 3)
        {
            var (x, y) = difficulty == 1 ? (rng.Next(0, 10), rng.Next(0, 10)) : (rng.Next(-10, 10), rng.Next(-10, 10));
            LinearEquation Through(long a, long b, bool[] onLeft) => new(a, b, a * x + b * y, onLeft);
            var first = Through(Coefficient(), Coefficient(), Standard);
            var second = difficulty == 3 && rng.Chance(0.5)
                ? Through(-Coefficient(), 1, [false, true, false]) // y = mx + k
                : Through(Coefficient(), Coefficient(), Standard);
            return (first, second);
        }

        LinearEquation Free() => new(Coefficient(), Coefficient(), rng.Next(-30, 30), difficulty == 5 ? Arrangement(rng) : Standard);
        return (Free(), Free());
    }

    private static readonly bool[] Standard = [true, true, false];

    private static readonly bool[][] Arrangements =
    [
        [true, false, false],  // ax = -by + c
        [true, false, true],   // ax - c = -by
        [false, true, false],  // by = c - ax
        [true, true, true],    // ax + by - c = 0
        [false, true, true],   // by - c = -ax
    ];

    private static bool[] Arrangement(SeededRandom rng) => rng.Pick(Arrangements);
}
