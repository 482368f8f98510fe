using System.Text.Json.Nodes;
using SynthData.Common;
using static System.FormattableString;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// One linear equation in x with a unique solution.
/// Levels: 1 = <c>ax + b = d</c>, positive numbers, whole-number solution 0..12; 2 = negative coefficients and
/// solutions; 3 = x on both sides (<c>ax + b = cx + d</c>), integer solution; 4 = x on both sides, fractional
/// solution; 5 = brackets to expand on both sides (<c>a(x + p) + b = c(x + q) + d</c>), any rational solution.
/// Answer: the solution as an integer or a reduced fraction (<c>-7/3</c>).
/// Metadata: <c>equation</c> (ASCII, <c>*</c> for products) and the expanded coefficients <c>a b c d</c> of
/// <c>ax + b = cx + d</c>.
/// </summary>
public sealed class LinearEquationGenerator : MathProblemGenerator
{
    private static readonly Func<string, string>[] Prompts =
    [
        e => $"Solve for x: {e}.",
        e => $"Find x if {e}.",
        e => $"What value of x satisfies {e}?",
        e => $"Solve the equation {e}.",
    ];

    public override string Name => "linear_equation";

    public override string Description =>
        "Solve a linear equation in x: one-sided at level 1-2, x on both sides from level 3, fractional solutions and brackets at 4-5.";

    /// <summary>One side <c>k(x + p) + b</c>, or <c>kx + b</c> when not bracketed.</summary>
    private sealed record Side(long K, long P, long B, bool Bracketed)
    {
        public long XCoefficient => K;
        public long Constant => Bracketed ? checked(K * P + B) : B;

        public string Show(bool ascii)
        {
            if (!Bracketed)
                return TermFormatter.Linear(K, B, ascii: ascii);
            var inner = TermFormatter.Linear(1, P, ascii: ascii);
            var factor = K == -1 && !ascii ? "-" : Invariant($"{K}") + (ascii ? "*" : "");
            return TermFormatter.Format([(1, $"{factor}({inner})"), (B, "")]);
        }
    }

    protected override GeneratedProblem Create(SeededRandom rng, int difficulty)
    {
        while (true)
        {
            var (left, right) = Draw(rng, difficulty);
            var (a, b, c, d) = (left.XCoefficient, left.Constant, right.XCoefficient, right.Constant);
            if (a == c)
                continue;
            var x = new Rational(d - b, a - c);
            var wantsFraction = difficulty == 4;
            if ((difficulty <= 3 && !x.IsInteger) || (wantsFraction && x.IsInteger))
                continue;

            var equation = $"{left.Show(false)} = {right.Show(false)}";
            var lines = new List<string>();
            if (left.Bracketed || right.Bracketed)
                lines.Add($"Expand the brackets: {TermFormatter.Linear(a, b)} = {TermFormatter.Linear(c, d)}.");
            if (c != 0)
                lines.Add(Invariant($"{(c > 0 ? "Subtract" : "Add")} {TermFormatter.Linear(System.Math.Abs(c), 0)} {(c > 0 ? "from" : "to")} both sides: {TermFormatter.Linear(a - c, b)} = {d}."));
            if (b != 0)
                lines.Add(Invariant($"{(b > 0 ? "Subtract" : "Add")} {System.Math.Abs(b)} {(b > 0 ? "from" : "to")} both sides: {TermFormatter.Linear(a - c, 0)} = {d - b}."));
            if (a - c != 1)
                lines.Add(Invariant($"Divide both sides by {a - c}: x = {x}."));
            lines.Add(Invariant($"Check: substituting x = {x} gives {Evaluate(a, b, x)} on the left and {Evaluate(c, d, x)} on the right."));

            var prompt = rng.Pick(Prompts)(equation) + (difficulty >= 4 ? " Give the exact answer, as a fraction in lowest terms if it is not an integer." : "");
            return Problem(prompt, x.ToString(), lines, new JsonObject
            {
                ["equation"] = $"{left.Show(true)} = {right.Show(true)}",
                ["a"] = a, ["b"] = b, ["c"] = c, ["d"] = d,
            });
        }
    }

    private static Rational Evaluate(long coefficient, long constant, Rational x) => coefficient * x + constant;

    private static (Side Left, Side Right) Draw(SeededRandom rng, int difficulty)
    {
        switch (difficulty)
        {
            case 1:
            {
                var (a, x, b) = (rng.Next(2, 9), rng.Next(0, 12), rng.Next(1, 20));
                return (new Side(a, 0, b, false), new Side(0, 0, a * x + b, false));
            }
            case 2:
            {
                var (a, x, b) = (NonZero(rng, 12, 2), rng.Next(-10, 10), NonZero(rng, 20));
                return (new Side(a, 0, b, false), new Side(0, 0, a * x + b, false));
            }
            case 3:
            {
                var (a, c, x, b) = (NonZero(rng, 12), NonZero(rng, 12), rng.Next(-12, 12), rng.Next(-30, 30));
                return (new Side(a, 0, b, false), new Side(c, 0, a * x + b - c * x, false));
            }
            case 4:
                return (new Side(NonZero(rng, 15), 0, rng.Next(-25, 25), false), new Side(NonZero(rng, 15), 0, rng.Next(-25, 25), false));
            default:
                return (new Side(NonZero(rng, 9, 2), NonZero(rng, 12), rng.Next(-20, 20), true),
                        new Side(NonZero(rng, 9, 2), NonZero(rng, 12), rng.Next(-20, 20), rng.Chance(0.7)));
        }
    }

    private static long NonZero(SeededRandom rng, long max, long min = 1) => rng.Next(min, max) * (rng.Chance(0.5) ? -1 : 1);
}
