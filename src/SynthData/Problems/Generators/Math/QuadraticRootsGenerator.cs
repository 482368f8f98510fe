using System.Text.Json.Nodes;
using SynthData.Common;
using static System.FormattableString;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// Real roots of a quadratic equation with rational roots.
/// Answer format: the distinct roots in increasing order, separated by ", " (<c>-3, 5</c>, <c>-1/2, 4</c>); a double
/// root is written once (<c>4</c>).
/// Levels: 1 = monic, two distinct integer roots in -9..9; 2 = monic, roots in -12..12, sometimes a double root;
/// 3 = leading coefficient ±2..5, integer roots; 4 = rational roots (at least one not an integer);
/// 5 = rational roots with the terms spread over both sides of the equation.
/// Metadata: <c>equation</c> (ASCII) and <c>a b c</c> of the standard form <c>ax^2 + bx + c = 0</c>.
/// </summary>
public sealed class QuadraticRootsGenerator : MathProblemGenerator
{
    private static readonly Func<string, string>[] Prompts =
    [
        e => $"Solve {e}. List all real solutions, separated by commas.",
        e => $"Find all real roots of the equation {e}.",
        e => $"What are the solutions of {e}? Give every real solution.",
        e => $"Find every real number x such that {e}.",
    ];

    public override string Name => "quadratic_roots";

    public override string Description =>
        "Roots of quadratics with rational roots; the answer lists the distinct roots in increasing order (\"-3, 5\"; a double root once).";

    protected override GeneratedProblem Create(SeededRandom rng, int difficulty)
    {
        while (true)
        {
            var (first, second, scale) = DrawRoots(rng, difficulty);
            // k(d1 x - n1)(d2 x - n2) with each root n/d in lowest terms.
            var (d1, n1, d2, n2) = (first.Denominator, first.Numerator, second.Denominator, second.Numerator);
            var (a, b, c) = (scale * d1 * d2, -scale * (d1 * n2 + d2 * n1), scale * n1 * n2);
            if (difficulty >= 4 && first.IsInteger && second.IsInteger)
                continue;

            var roots = new[] { first, second }.Distinct().Order().ToArray();
            var answer = string.Join(", ", roots.Select(r => r.ToString()));
            var (shown, ascii) = difficulty == 5 ? Rearranged(rng, a, b, c) : (Standard(a, b, c, false), Standard(a, b, c, true));
            return Problem(rng.Pick(Prompts)(shown), answer, Explain(a, b, c, scale, first, second, roots, shown), new JsonObject
            {
                ["equation"] = ascii, ["a"] = a, ["b"] = b, ["c"] = c,
            });
        }
    }

    private static (Rational, Rational, long) DrawRoots(SeededRandom rng, int difficulty)
    {
        switch (difficulty)
        {
            case 1:
            {
                long first = rng.Next(-9, 9), second;
                do second = rng.Next(-9, 9); while (second == first);
                return (first, second, 1);
            }
            case 2:
            {
                long r = rng.Next(-12, 12);
                return (r, rng.Chance(0.25) ? r : rng.Next(-12, 12), 1);
            }
            case 3:
            {
                long r = rng.Next(-10, 10);
                return (r, rng.Chance(0.2) ? r : rng.Next(-10, 10), rng.Next(2, 5) * (rng.Chance(0.3) ? -1 : 1));
            }
            default:
                return (new Rational(rng.Next(-9, 9), rng.Next(1, 6)), new Rational(rng.Next(-9, 9), rng.Next(1, 4)), rng.Chance(0.2) ? -1 : 1);
        }
    }

    private static string Standard(long a, long b, long c, bool ascii) => $"{TermFormatter.Quadratic(a, b, c, ascii)} = 0";

    /// <summary>Moves the x term, the constant, or both to the right-hand side.</summary>
    private static (string Shown, string Ascii) Rearranged(SeededRandom rng, long a, long b, long c)
    {
        var moveX = b != 0 && rng.Chance(0.6);
        var moveConstant = c != 0 && (!moveX || rng.Chance(0.4));
        if (!moveX && !moveConstant)
            return (Standard(a, b, c, false), Standard(a, b, c, true));
        (long, string)[] left = [(a, "x^2"), (moveX ? 0 : b, "x"), (moveConstant ? 0 : c, "")];
        (long, string)[] right = [(moveX ? -b : 0, "x"), (moveConstant ? -c : 0, "")];
        return ($"{TermFormatter.Format(left)} = {TermFormatter.Format(right)}",
                $"{TermFormatter.Format(left, ascii: true)} = {TermFormatter.Format(right, ascii: true)}");
    }

    private static List<string> Explain(long a, long b, long c, long scale, Rational first, Rational second, Rational[] roots, string shown)
    {
        var lines = new List<string>();
        var standard = Standard(a, b, c, false);
        if (standard != shown)
            lines.Add($"Bring every term to the left-hand side: {standard}.");
        var discriminant = b * b - 4 * a * c;
        var root = (long)System.Math.Sqrt(discriminant);
        lines.Add(Invariant($"The discriminant is b^2 - 4ac = ({b})^2 - 4({a})({c}) = {discriminant}{(discriminant == 0 ? ", so there is one (double) root" : $" = {root}^2, a perfect square, so the roots are rational")}."));
        lines.Add(discriminant == 0
            ? Invariant($"x = -b / (2a) = {-b} / {2 * a} = {roots[0]}.")
            : Invariant($"x = (-b ± {root}) / (2a) = ({-b} ± {root}) / {2 * a}, giving x = {new Rational(-b - root, 2 * a)} or x = {new Rational(-b + root, 2 * a)}."));
        var factors = Factor(first) + (first == second ? "^2" : Factor(second));
        lines.Add($"Check by factoring: {standard[..^4]} = {(scale == 1 ? "" : scale == -1 ? "-" : Invariant($"{scale}"))}{factors}.");
        lines.Add(roots.Length == 1
            ? $"The only root is {roots[0]}."
            : $"The roots, in increasing order, are {roots[0]} and {roots[1]}.");
        return lines;
    }

    /// <summary>The linear factor <c>(dx - n)</c> whose root is n/d.</summary>
    private static string Factor(Rational root) => $"({TermFormatter.Linear(root.Denominator, -root.Numerator)})";
}
