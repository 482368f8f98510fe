using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Game24;

namespace SynthData.Tests.Logic;

public sealed class Game24Tests() : LogicFamilyContract(new Game24Family())
{
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng) =>
        ArithmeticCorruption.FlipOneOperator(Family, puzzle);

    private static JsonObject Instance(params int[] numbers) => new()
    {
        ["family"] = "game_24",
        ["numbers"] = new JsonArray(numbers.Select(n => (JsonNode?)n).ToArray()),
    };

    [Fact]
    public void Hand_verified_hands()
    {
        var instance = Instance(3, 3, 8, 8);
        // 8 / 3 = 8/3; 3 - 8/3 = 1/3; 8 / (1/3) = 24.
        Assert.True(Family.Check(instance, "```\n8 / (3 - 8 / 3)\n```").Accepted);
        Assert.True(Family.Check(instance, "final answer: 8÷(3−8÷3)").Accepted);
        Assert.False(Family.Check(instance, "```\n8 * 3\n```").Accepted); // not every number
        Assert.False(Family.Check(instance, "```\n8 * 3 * 3 / 3\n```").Accepted); // 3 used three times
        var miss = Family.Check(instance, "```\n8 + 8 + 3 + 3\n```"); // 22
        Assert.False(miss.Accepted);
        Assert.InRange(miss.Score, 0.7, 0.9);
        var other = Instance(4, 6, 1, 1);
        Assert.True(Family.Check(other, "```\n4 * 6 * 1 * 1\n```").Accepted);
        Assert.True(Family.Check(other, "```\n(4 * 6) / (1 * 1) = 24\n```").Accepted);
        Assert.True(Family.Check(other, "```\n(1 + 1) * 6 + 4 * 3\n```").Score < 1); // 3 is not given
    }

    [Fact]
    public void Every_level_is_solvable_and_level_5_needs_a_fraction_by_independent_brute_force()
    {
        for (var level = 1; level <= 5; level++)
            for (var seed = 0; seed < 40; seed++)
            {
                var numbers = Make(Family, seed, level).Instance["numbers"]!.AsArray().Select(n => (double)n!.GetValue<int>()).ToArray();
                var (any, integral) = BruteForce(numbers);
                Assert.True(any, $"level {level} seed {seed}: {string.Join(' ', numbers)} has no solution");
                Assert.Equal(level != 5, integral);
            }
    }

    // Every ordering of the numbers, every operator triple, and the five bracket shapes, in doubles.
    private static (bool Any, bool Integral) BruteForce(double[] n)
    {
        bool any = false, integral = false;
        static double Op(int op, double a, double b) => op switch { 0 => a + b, 1 => a - b, 2 => a * b, _ => b == 0 ? double.NaN : a / b };
        static bool Int(double x) => Math.Abs(x - Math.Round(x)) < 1e-9;
        foreach (var p in Permutations([0, 1, 2, 3]))
        {
            double a = n[p[0]], b = n[p[1]], c = n[p[2]], d = n[p[3]];
            for (var x = 0; x < 4; x++)
                for (var y = 0; y < 4; y++)
                    for (var z = 0; z < 4; z++)
                    {
                        // ((a b) c) d, (a (b c)) d, (a b) (c d), a ((b c) d), a (b (c d))
                        var ab = Op(x, a, b);
                        var cd = Op(z, c, d);
                        var shapes = new (double Result, double[] Steps)[]
                        {
                            Shape(Op(x, a, b), s1 => Op(y, s1, c), s2 => Op(z, s2, d)),
                            Shape(Op(y, b, c), s1 => Op(x, a, s1), s2 => Op(z, s2, d)),
                            (Op(y, ab, cd), [ab, cd, Op(y, ab, cd)]),
                            Shape(Op(y, b, c), s1 => Op(z, s1, d), s2 => Op(x, a, s2)),
                            Shape(Op(z, c, d), s1 => Op(y, b, s1), s2 => Op(x, a, s2)),
                        };
                        foreach (var (result, steps) in shapes)
                            if (Math.Abs(result - 24) < 1e-9)
                            {
                                any = true;
                                integral |= steps.All(Int);
                            }
                    }
        }
        return (any, integral);
    }

    private static (double, double[]) Shape(double s1, Func<double, double> second, Func<double, double> third)
    {
        var s2 = second(s1);
        var s3 = third(s2);
        return (s3, [s1, s2, s3]);
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
            foreach (var rest in Permutations(items.Where((_, k) => k != i).ToArray()))
                yield return [items[i], .. rest];
    }
}
