using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Countdown;

namespace SynthData.Tests.Logic;

public sealed class CountdownTests() : LogicFamilyContract(new CountdownFamily())
{
    // Flips one operator of the reference expression (the first flip that changes the value).
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng) =>
        ArithmeticCorruption.FlipOneOperator(Family, puzzle);

    private static JsonObject Instance(int target, params int[] numbers) => new()
    {
        ["family"] = "countdown",
        ["numbers"] = new JsonArray(numbers.Select(n => (JsonNode?)n).ToArray()),
        ["target"] = target,
    };

    [Fact]
    public void Hand_verified_instance_accepts_any_exact_expression_and_scores_misses_by_closeness()
    {
        var instance = Instance(952, 25, 50, 75, 100, 3, 6);
        // (100 + 6) * 3 = 318; * 75 = 23850; - 50 = 23800; / 25 = 952.
        Assert.True(Family.Check(instance, "```\n((100 + 6) * 3 * 75 - 50) / 25\n```").Accepted);
        Assert.True(Family.Check(instance, "Answer: [(100+6)×3×75−50]÷25 = 952").Accepted);
        // 100*6 + 75*3 + 50 + 25 = 600 + 225 + 75 = 900: valid but 52 short.
        var miss = Family.Check(instance, "```\n100*6 + 75*3 + 50 + 25\n```");
        Assert.False(miss.Accepted);
        Assert.InRange(miss.Score, 0.8, 0.9);
        Assert.Equal(0, Family.Check(instance, "```\n100 * 100\n```").Score);
        Assert.False(Family.Check(instance, "```\n952\n```").Accepted);
        Assert.False(Family.Check(instance, "```\n-50 + 1002\n```").Accepted);
        Assert.False(Family.Check(instance, "```\n__import__('os')\n```").Accepted);
    }

    [Fact]
    public void Fractions_in_between_are_exact()
    {
        var instance = Instance(24, 3, 3, 8, 8);
        Assert.True(Family.Check(instance, "```\n8 / (3 - 8 / 3)\n```").Accepted);
        Assert.False(Family.Check(instance, "```\n8 / (3 - 8 / 3) + 0\n```").Accepted);
        Assert.False(Family.Check(instance, "```\n8 / (3 - 3)\n```").Accepted);
    }

    [Fact]
    public void Targets_are_never_a_given_number_and_levels_use_more_numbers()
    {
        for (var seed = 0; seed < 50; seed++)
            for (var level = 1; level <= 5; level++)
            {
                var puzzle = Make(Family, seed, level);
                var numbers = puzzle.Instance["numbers"]!.AsArray().Select(n => n!.GetValue<int>()).ToList();
                Assert.DoesNotContain(puzzle.Instance["target"]!.GetValue<int>(), numbers);
                Assert.Equal(level == 1 ? 4 : level == 2 ? 5 : 6, numbers.Count);
            }
    }
}
