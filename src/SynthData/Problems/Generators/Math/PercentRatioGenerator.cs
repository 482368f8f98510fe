using System.Text.Json.Nodes;
using SynthData.Common;
using static System.FormattableString;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// Percent and ratio word problems with whole-number answers (the numbers are drawn so that they divide exactly).
/// A question asking for a percentage is answered with the bare number of percent: <c>25</c> for 25%.
/// Levels: 1 = a simple percent of a number, a discounted price; 2 = any whole percent of a number, percent change;
/// 3 = "what percent of", sharing in a ratio a:b, percent change; 4 = two successive percent changes, sharing in
/// a ratio a:b:c; 5 = reverse percentages (the original before an increase), ratios given by a difference.
/// Metadata: <c>kind</c> and the numbers of the problem.
/// </summary>
public sealed class PercentRatioGenerator : MathProblemGenerator
{
    private static readonly string[] Names = ["Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonah"];

    public override string Name => "percent_ratio";

    public override string Description =>
        "Percent-of, discounts, percent change, successive and reverse percentages, and sharing in a ratio.";

    protected override GeneratedProblem Create(SeededRandom rng, int difficulty) => rng.Pick<Func<GeneratedProblem>>(difficulty switch
    {
        1 => [() => PercentOf(rng, [10, 20, 25, 50, 75]), () => Discount(rng)],
        2 => [() => PercentOf(rng, [.. Enumerable.Range(1, 99)]), () => PercentChange(rng)],
        3 => [() => WhatPercent(rng), () => Share(rng, 2), () => PercentChange(rng)],
        4 => [() => Successive(rng), () => Share(rng, 3)],
        _ => [() => Reverse(rng), () => RatioDifference(rng), () => Successive(rng)],
    })();

    /// <summary>The smallest N for which p% of N is whole is 100 / gcd(p, 100); any multiple works.</summary>
    private static long WholeMultiple(long percent) => 100 / IntegerMath.Gcd(percent, 100);

    private static GeneratedProblem PercentOf(SeededRandom rng, int[] percents)
    {
        long p = rng.Pick(percents);
        var n = WholeMultiple(p) * rng.Next(1L, 2000 / WholeMultiple(p));
        var answer = p * n / 100;
        var prompt = rng.Pick<Func<string>>(
        [
            () => Invariant($"What is {p}% of {n}?"),
            () => Invariant($"A school has {n} students, and {p}% of them walk to school. How many students walk to school?"),
            () => Invariant($"A tank holds {n} litres of water. {p}% of the water is used. How many litres are used?"),
        ])();
        var lines = new[] { Invariant($"{p}% of {n} = {p}/100 × {n} = {p * n}/100 = {answer}.") };
        return Problem(prompt, Invariant($"{answer}"), lines, new JsonObject { ["kind"] = "percent_of", ["percent"] = p, ["of"] = n });
    }

    private static GeneratedProblem Discount(SeededRandom rng)
    {
        long p = rng.Pick([10, 20, 25, 30, 40, 50]);
        var price = WholeMultiple(p) * rng.Next(1L, 400 / WholeMultiple(p));
        var off = p * price / 100;
        var prompt = Invariant($"A jacket costs ${price}. It is on sale at {p}% off. What is the sale price, in dollars?");
        var lines = new[]
        {
            Invariant($"The discount is {p}% of {price} = {p} × {price} / 100 = {off} dollars."),
            Invariant($"The sale price is {price} - {off} = {price - off} dollars."),
        };
        return Problem(prompt, Invariant($"{price - off}"), lines, new JsonObject { ["kind"] = "discount", ["price"] = price, ["percent"] = p });
    }

    private static GeneratedProblem PercentChange(SeededRandom rng)
    {
        var p = rng.Next(1L, 60);
        var increase = rng.Chance(0.5);
        var old = WholeMultiple(p) * rng.Next(1L, 1000 / WholeMultiple(p));
        var change = p * old / 100;
        var now = increase ? old + change : old - change;
        var (direction, noun) = increase ? ("increase", "rose") : ("decrease", "fell");
        var prompt = rng.Pick<Func<string>>(
        [
            () => Invariant($"The price of a bicycle {noun} from ${old} to ${now}. By what percent did the price {direction}?"),
            () => Invariant($"A town's population {noun} from {old} to {now}. What was the percent {direction}?"),
        ])();
        var lines = new[]
        {
            Invariant($"The change is {now} - {old} = {now - old}."),
            Invariant($"As a percent of the original value: {System.Math.Abs(now - old)} / {old} × 100 = {p}, a {p}% {direction}."),
        };
        return Problem(prompt, Invariant($"{p}"), lines, new JsonObject { ["kind"] = "percent_change", ["old"] = old, ["new"] = now });
    }

    private static GeneratedProblem WhatPercent(SeededRandom rng)
    {
        var p = rng.Next(1L, 99);
        var whole = WholeMultiple(p) * rng.Next(1L, 500 / WholeMultiple(p));
        var part = p * whole / 100;
        var prompt = rng.Pick<Func<string>>(
        [
            () => Invariant($"{part} is what percent of {whole}?"),
            () => Invariant($"In a class test, a student scored {part} points out of {whole}. What percent of the points did the student score?"),
        ])();
        var lines = new[] { Invariant($"{part} / {whole} × 100 = {part * 100} / {whole} = {p}, so the answer is {p}%.") };
        return Problem(prompt, Invariant($"{p}"), lines, new JsonObject { ["kind"] = "what_percent", ["part"] = part, ["whole"] = whole });
    }

    private static GeneratedProblem Successive(SeededRandom rng)
    {
        var (p, q) = (rng.Next(1L, 50) * 2, rng.Next(1L, 45) * 2);
        var up = rng.Chance(0.5);
        var (first, second) = up ? (100 + p, 100 - q) : (100 - p, 100 + q);
        // first × second × start must be divisible by 100 × 100.
        var step = 10_000 / IntegerMath.Gcd(first * second, 10_000);
        var start = step * rng.Next(1L, System.Math.Max(1, 5_000 / step));
        var middle = start * first / 100;
        var end = middle * second / 100;
        if (start * first % 100 != 0)
            return Successive(rng);
        var (firstWord, secondWord) = up ? ("increased", "decreased") : ("decreased", "increased");
        var prompt = Invariant($"A shop priced a television at ${start}. The price was first {firstWord} by {p}% and then the new price was {secondWord} by {q}%. What is the final price, in dollars?");
        var lines = new[]
        {
            Invariant($"After the first change the price is {start} × {first}/100 = {middle}."),
            Invariant($"After the second change it is {middle} × {second}/100 = {end}."),
        };
        return Problem(prompt, Invariant($"{end}"), lines, new JsonObject
        {
            ["kind"] = "successive", ["start"] = start, ["first_percent"] = up ? p : -p, ["second_percent"] = up ? -q : q,
        });
    }

    private static GeneratedProblem Share(SeededRandom rng, int parts)
    {
        var names = Names.ToList();
        rng.Shuffle(names);
        var ratio = Enumerable.Range(0, parts).Select(_ => rng.Next(1L, 9)).ToArray();
        if (ratio.Aggregate(IntegerMath.Gcd) != 1 || ratio.Distinct().Count() == 1)
            return Share(rng, parts);
        var sum = ratio.Sum();
        var unit = rng.Next(2L, 60);
        var total = unit * sum;
        var asked = rng.Next(0, parts - 1);
        var people = string.Join(", ", names.Take(parts - 1)) + " and " + names[parts - 1];
        var ratioText = string.Join(":", ratio.Select(r => Invariant($"{r}")));
        var prompt = Invariant($"{people} share ${total} in the ratio {ratioText}. How many dollars does {names[asked]} receive?");
        var lines = new[]
        {
            Invariant($"The ratio has {string.Join(" + ", ratio)} = {sum} parts in total."),
            Invariant($"One part is {total} / {sum} = {unit} dollars."),
            Invariant($"{names[asked]} has {ratio[asked]} parts: {ratio[asked]} × {unit} = {ratio[asked] * unit} dollars."),
        };
        return Problem(prompt, Invariant($"{ratio[asked] * unit}"), lines, new JsonObject
        {
            ["kind"] = "ratio_share", ["total"] = total, ["ratio"] = new JsonArray(ratio.Select(r => (JsonNode)r).ToArray()), ["index"] = asked,
        });
    }

    private static GeneratedProblem Reverse(SeededRandom rng)
    {
        var p = rng.Next(1L, 80);
        var increase = rng.Chance(0.6);
        var factor = increase ? 100 + p : 100 - p;
        var step = 100 / IntegerMath.Gcd(factor, 100);
        var original = step * rng.Next(1L, System.Math.Max(1, 2_000 / step));
        var after = original * factor / 100;
        var prompt = increase
            ? Invariant($"After a {p}% increase, a monthly rent is ${after}. What was the rent before the increase, in dollars?")
            : Invariant($"After a {p}% discount, a laptop costs ${after}. What was the price before the discount, in dollars?");
        var lines = new[]
        {
            Invariant($"The new amount is {factor}% of the original, so original × {factor}/100 = {after}."),
            Invariant($"Original = {after} × 100 / {factor} = {after * 100} / {factor} = {original}."),
        };
        return Problem(prompt, Invariant($"{original}"), lines, new JsonObject
        {
            ["kind"] = "reverse_percent", ["percent"] = increase ? p : -p, ["after"] = after,
        });
    }

    private static GeneratedProblem RatioDifference(SeededRandom rng)
    {
        var names = Names.ToList();
        rng.Shuffle(names);
        var (a, b) = (rng.Next(2L, 12), rng.Next(1L, 11));
        if (a <= b || IntegerMath.Gcd(a, b) != 1)
            return RatioDifference(rng);
        var unit = rng.Next(2L, 40);
        var difference = (a - b) * unit;
        var prompt = Invariant($"The ratio of {names[0]}'s marbles to {names[1]}'s marbles is {a}:{b}. {names[0]} has {difference} more marbles than {names[1]}. How many marbles do they have altogether?");
        var lines = new[]
        {
            Invariant($"The difference is {a} - {b} = {a - b} parts, so one part is {difference} / {a - b} = {unit} marbles."),
            Invariant($"Altogether they have {a} + {b} = {a + b} parts: {a + b} × {unit} = {(a + b) * unit} marbles."),
        };
        return Problem(prompt, Invariant($"{(a + b) * unit}"), lines, new JsonObject
        {
            ["kind"] = "ratio_difference", ["a"] = a, ["b"] = b, ["difference"] = difference,
        });
    }
}
