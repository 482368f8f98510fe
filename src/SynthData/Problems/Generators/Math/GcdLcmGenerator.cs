using System.Text.Json.Nodes;
using SynthData.Common;
using static System.FormattableString;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// Greatest common divisor and least common multiple, plainly or as word problems (square tiles, bouquets,
/// flashing lights, bus timetables). The numbers share a common factor so the answers are not trivial.
/// Levels: 1 = GCD of two numbers up to about 60; 2 = GCD or LCM of two numbers up to about 100; 3 = numbers up to
/// about 1000 and word problems; 4 = three numbers; 5 = two numbers up to about 20000 or three up to about 500.
/// Metadata: <c>operation</c> (<c>gcd</c> or <c>lcm</c>) and <c>numbers</c>.
/// </summary>
public sealed class GcdLcmGenerator : MathProblemGenerator
{
    private sealed record Level(int Count, int MaxFactor, int MaxCofactor, bool Lcm, bool Words);

    private static readonly Level[][] Levels =
    [
        [new(2, 12, 6, Lcm: false, Words: false)],
        [new(2, 15, 8, Lcm: true, Words: false)],
        [new(2, 40, 25, Lcm: true, Words: true)],
        [new(3, 20, 15, Lcm: true, Words: true)],
        [new(2, 200, 100, Lcm: true, Words: true), new(3, 30, 18, Lcm: true, Words: true)],
    ];

    private const long MaxLcm = 200_000;

    public override string Name => "gcd_lcm";

    public override string Description =>
        "Greatest common divisor and least common multiple of two or three numbers, plain or as word problems.";

    protected override GeneratedProblem Create(SeededRandom rng, int difficulty)
    {
        var level = rng.Pick(Levels[difficulty - 1]);
        while (true)
        {
            var factor = rng.Next(2L, level.MaxFactor);
            var numbers = Enumerable.Range(0, level.Count).Select(_ => factor * rng.Next(2L, level.MaxCofactor)).ToArray();
            if (numbers.Distinct().Count() != numbers.Length)
                continue;
            var isLcm = level.Lcm && rng.Chance(0.5);
            var gcd = numbers.Aggregate(IntegerMath.Gcd);
            var lcm = numbers.Aggregate(IntegerMath.Lcm);
            if (isLcm && lcm > MaxLcm)
                continue;

            var answer = isLcm ? lcm : gcd;
            var words = level.Words && rng.Chance(0.5);
            var prompt = isLcm ? LcmPrompt(rng, numbers, words) : GcdPrompt(rng, numbers, words);
            return Problem(prompt, Invariant($"{answer}"), Steps(numbers, isLcm), new JsonObject
            {
                ["operation"] = isLcm ? "lcm" : "gcd",
                ["numbers"] = new JsonArray(numbers.Select(n => (JsonNode)n).ToArray()),
            });
        }
    }

    private static string List(long[] numbers) =>
        numbers.Length == 2
            ? Invariant($"{numbers[0]} and {numbers[1]}")
            : Invariant($"{numbers[0]}, {numbers[1]} and {numbers[2]}");

    private static string GcdPrompt(SeededRandom rng, long[] n, bool words)
    {
        if (!words)
        {
            return rng.Pick<Func<string>>(
            [
                () => $"Find the greatest common divisor of {List(n)}.",
                () => Invariant($"What is gcd({string.Join(", ", n)})?"),
                () => $"What is the largest positive integer that divides each of {List(n)}?",
            ])();
        }
        if (n.Length == 2 && rng.Chance(0.5))
            return Invariant($"A rectangular floor measures {n[0]} cm by {n[1]} cm. It is to be covered exactly by identical square tiles with whole-number side lengths, without cutting any tile. What is the largest possible side length of a tile, in cm?");
        var items = n.Length == 2 ? Invariant($"{n[0]} roses and {n[1]} tulips") : Invariant($"{n[0]} roses, {n[1]} tulips and {n[2]} lilies");
        return $"A florist has {items}. She wants to make identical bouquets that use every flower, with each bouquet containing the same number of each kind. What is the greatest number of bouquets she can make?";
    }

    private static string LcmPrompt(SeededRandom rng, long[] n, bool words)
    {
        if (!words)
        {
            return rng.Pick<Func<string>>(
            [
                () => $"Find the least common multiple of {List(n)}.",
                () => Invariant($"What is lcm({string.Join(", ", n)})?"),
                () => $"What is the smallest positive integer that is a multiple of each of {List(n)}?",
            ])();
        }
        return rng.Chance(0.5)
            ? $"{(n.Length == 2 ? "Two" : "Three")} lights flash every {List(n)} seconds respectively. They have just flashed together. After how many seconds will they next flash together?"
            : $"Buses on {(n.Length == 2 ? "two routes" : "three routes")} leave the same stop every {List(n)} minutes respectively. All of them left at 8:00. How many minutes later will they next all leave at the same time?";
    }

    /// <summary>
    /// Folds the numbers pairwise: gcd(a, b, c) = gcd(gcd(a, b), c) and lcm likewise, each gcd by the Euclidean
    /// algorithm and each lcm as a × b / gcd(a, b).
    /// </summary>
    private static List<string> Steps(long[] numbers, bool isLcm)
    {
        var lines = new List<string> { "Use the Euclidean algorithm: gcd(a, b) = gcd(b, a mod b), until the remainder is 0." };
        var current = numbers[0];
        foreach (var next in numbers.Skip(1))
        {
            var (a, b) = (System.Math.Max(current, next), System.Math.Min(current, next));
            while (b != 0)
            {
                lines.Add(Invariant($"{a} = {a / b} × {b} + {a % b}"));
                (a, b) = (b, a % b);
            }
            lines.Add(Invariant($"So gcd({current}, {next}) = {a}."));
            if (isLcm)
            {
                var lcm = current / a * next;
                lines.Add(Invariant($"lcm({current}, {next}) = {current} × {next} / {a} = {lcm}."));
                current = lcm;
            }
            else
            {
                current = a;
            }
        }
        return lines;
    }
}
