using System.Text.Json.Nodes;
using SynthData.Common;
using static System.FormattableString;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// Counting word problems with n!, nPr and nCr, and binomial coefficients.
/// Levels: 1 = arrangements (n!) and ordered selections (nPr) with n ≤ 10; 2 = committees and handshakes (nCr, n ≤ 12);
/// 3 = nPr and nCr with n ≤ 20, and choosing from two groups at once; 4 = "at least one" (complement counting) and
/// the coefficient of x^k in (x + b)^n; 5 = the coefficient of x^k in (ax + b)^n with negative a or b, and larger
/// complement counting.
/// Metadata: <c>kind</c> (<c>factorial</c>, <c>permutation</c>, <c>combination</c>, <c>two_groups</c>,
/// <c>at_least_one</c>, <c>binomial_coefficient</c>) and its numbers.
/// </summary>
public sealed class CombinatoricsGenerator : MathProblemGenerator
{
    public override string Name => "combinatorics";

    public override string Description =>
        "Counting word problems: arrangements, nPr, nCr, two-group choices, complement counting, binomial coefficients.";

    protected override GeneratedProblem Create(SeededRandom rng, int difficulty) => difficulty switch
    {
        1 => rng.Chance(0.4) ? Factorial(rng, rng.Next(3, 8)) : Permutation(rng, rng.Next(4, 10), rng.Next(2, 4)),
        2 => Combination(rng, 5, 12),
        3 => rng.Pick<Func<GeneratedProblem>>(
        [
            () => Permutation(rng, rng.Next(8, 20), rng.Next(2, 4)),
            () => Combination(rng, 10, 20),
            () => TwoGroups(rng),
        ])(),
        4 => rng.Chance(0.5) ? AtLeastOne(rng, 8, 14) : Binomial(rng, difficulty),
        _ => rng.Chance(0.3) ? AtLeastOne(rng, 12, 16) : Binomial(rng, difficulty),
    };

    internal static long Choose(long n, long r)
    {
        long result = 1;
        for (var i = 1; i <= r; i++)
            result = checked(result * (n - r + i) / i); // exact: a product of i consecutive integers is divisible by i!
        return result;
    }

    private static long FallingProduct(long n, long r)
    {
        long result = 1;
        for (var i = 0; i < r; i++)
            result = checked(result * (n - i));
        return result;
    }

    private static string Signed(long value) => value < 0 ? Invariant($"({value})") : Invariant($"{value}");

    private static string Product(long n, long r) => string.Join(" × ", Enumerable.Range(0, (int)r).Select(i => Invariant($"{n - i}")));

    private static GeneratedProblem Factorial(SeededRandom rng, int n)
    {
        var prompt = rng.Pick<Func<string>>(
        [
            () => Invariant($"In how many different orders can {n} different books be arranged on a shelf?"),
            () => Invariant($"{n} friends line up in a row for a photo. How many different line-ups are possible?"),
            () => Invariant($"How many different arrangements are there of {n} distinct cards laid in a row?"),
        ])();
        var answer = FallingProduct(n, n);
        var lines = new[]
        {
            Invariant($"The first position can be filled in {n} ways, the next in {n - 1}, and so on down to 1."),
            Invariant($"So the count is {n}! = {Product(n, n)} = {answer}."),
        };
        return Problem(prompt, Invariant($"{answer}"), lines, new JsonObject { ["kind"] = "factorial", ["n"] = n });
    }

    private static GeneratedProblem Permutation(SeededRandom rng, int n, int r)
    {
        var prompt = rng.Pick<Func<string>>(
        [
            () => Invariant($"In a race with {n} runners and no ties, in how many ways can the first {r} places be filled?"),
            () => Invariant($"A club with {n} members must fill {r} different offices, with no member holding more than one. In how many ways can this be done?"),
            () => Invariant($"How many {r}-letter codes with no repeated letter can be made from {n} different letters?"),
        ])();
        var answer = FallingProduct(n, r);
        var lines = new[]
        {
            "Order matters and nothing is repeated, so this is a permutation count.",
            Invariant($"P({n}, {r}) = {n}!/({n} - {r})! = {Product(n, r)} = {answer}."),
        };
        return Problem(prompt, Invariant($"{answer}"), lines, new JsonObject { ["kind"] = "permutation", ["n"] = n, ["r"] = r });
    }

    private static GeneratedProblem Combination(SeededRandom rng, int minN, int maxN)
    {
        var n = rng.Next(minN, maxN);
        var handshakes = rng.Chance(0.2);
        var r = handshakes ? 2 : rng.Next(2, System.Math.Min(6, n - 2));
        var prompt = handshakes
            ? Invariant($"At a meeting, each of the {n} people shakes hands exactly once with every other person. How many handshakes take place?")
            : rng.Pick<Func<string>>(
            [
                () => Invariant($"In how many ways can a committee of {r} people be chosen from a group of {n} people?"),
                () => Invariant($"A pizzeria offers {n} different toppings. How many different pizzas with exactly {r} different toppings can be ordered?"),
                () => Invariant($"How many subsets with exactly {r} elements does a set with {n} elements have?"),
            ])();
        var answer = Choose(n, r);
        var lines = new[]
        {
            handshakes
                ? "Each handshake is an unordered pair of people, so we count pairs."
                : "The order of the chosen items does not matter, so this is a combination count.",
            Invariant($"C({n}, {r}) = {n}!/({r}! × {n - r}!) = ({Product(n, r)}) / ({Product(r, r)}) = {FallingProduct(n, r)} / {FallingProduct(r, r)} = {answer}."),
        };
        return Problem(prompt, Invariant($"{answer}"), lines, new JsonObject { ["kind"] = "combination", ["n"] = n, ["r"] = r });
    }

    private static GeneratedProblem TwoGroups(SeededRandom rng)
    {
        var (women, men) = (rng.Next(4, 10), rng.Next(4, 10));
        var (w, m) = (rng.Next(1, 3), rng.Next(1, 3));
        var (cw, cm) = (Choose(women, w), Choose(men, m));
        var prompt = Invariant($"A team of {w} women and {m} men is to be chosen from {women} women and {men} men. How many different teams are possible?");
        var lines = new[]
        {
            Invariant($"Choose the women in C({women}, {w}) = {cw} ways and, independently, the men in C({men}, {m}) = {cm} ways."),
            Invariant($"By the multiplication principle there are {cw} × {cm} = {cw * cm} teams."),
        };
        return Problem(prompt, Invariant($"{cw * cm}"), lines,
            new JsonObject { ["kind"] = "two_groups", ["n1"] = women, ["r1"] = w, ["n2"] = men, ["r2"] = m });
    }

    private static GeneratedProblem AtLeastOne(SeededRandom rng, int minN, int maxN)
    {
        var n = rng.Next(minN, maxN);
        var special = rng.Next(2, 5);
        var k = rng.Next(3, 5);
        var (all, none) = (Choose(n, k), Choose(n - special, k));
        var prompt = Invariant($"A committee of {k} is to be chosen from {n} people, {special} of whom are doctors. How many different committees include at least one doctor?");
        var lines = new[]
        {
            "Count the complement: all committees minus those with no doctor.",
            Invariant($"All committees: C({n}, {k}) = {all}."),
            Invariant($"Committees with no doctor are chosen from the {n - special} others: C({n - special}, {k}) = {none}."),
            Invariant($"So {all} - {none} = {all - none} committees include at least one doctor."),
        };
        return Problem(prompt, Invariant($"{all - none}"), lines,
            new JsonObject { ["kind"] = "at_least_one", ["n"] = n, ["special"] = special, ["k"] = k });
    }

    private static GeneratedProblem Binomial(SeededRandom rng, int difficulty)
    {
        long a = difficulty == 4 ? 1 : rng.Next(1, 4) * (rng.Chance(0.4) ? -1 : 1);
        long b = difficulty == 4 ? rng.Next(1, 5) : rng.Next(1, 5) * (rng.Chance(0.5) ? -1 : 1);
        var n = difficulty == 4 ? rng.Next(4, 8) : rng.Next(5, 10);
        var k = rng.Next(1, n - 1);
        var binomial = $"({TermFormatter.Linear(a, b)})^{n}";
        var power = k == 1 ? "x" : Invariant($"x^{k}");
        var prompt = rng.Pick<Func<string>>(
        [
            () => $"What is the coefficient of {power} in the expansion of {binomial}?",
            () => $"Find the coefficient of {power} when {binomial} is expanded.",
        ])();
        var c = Choose(n, k);
        var (ak, bnk) = (new Rational(a, 1).Pow(k).Numerator, new Rational(b, 1).Pow(n - k).Numerator);
        var answer = checked(c * ak * bnk);
        var lines = new[]
        {
            Invariant($"By the binomial theorem, the term with {power} is C({n}, {k}) × ({TermFormatter.Linear(a, 0)})^{k} × ({b})^{n - k}."),
            Invariant($"C({n}, {k}) = {c}, ({a})^{k} = {ak} and ({b})^{n - k} = {bnk}."),
            Invariant($"So the coefficient is {c} × {Signed(ak)} × {Signed(bnk)} = {answer}."),
        };
        return Problem(prompt, Invariant($"{answer}"), lines,
            new JsonObject { ["kind"] = "binomial_coefficient", ["a"] = a, ["b"] = b, ["n"] = n, ["k"] = k });
    }
}
