using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.KnightsAndKnaves;

namespace SynthData.Tests.Logic;

public sealed class KnightsAndKnavesTests() : LogicFamilyContract(new KnightsAndKnavesFamily())
{
    private static (string[] Names, int[] Knights) Solution(LogicPuzzle puzzle) =>
        (puzzle.Instance["names"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray(),
         puzzle.Instance["knights"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray());

    // One islander's kind flipped.
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var (names, knights) = Solution(puzzle);
        knights[rng.Next(0, knights.Length - 1)] ^= 1;
        return LogicAnswer.Fenced(string.Join('\n', names.Select((n, i) => $"{n}: {(knights[i] == 1 ? "knight" : "knave")}")));
    }

    [Fact]
    public void Other_layouts_of_the_same_answer_are_accepted()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var puzzle = Make(Family, seed, 4);
            var (names, knights) = Solution(puzzle);
            var lines = names.Select((n, i) => $"* {n.ToLowerInvariant()} = {(knights[i] == 1 ? "KNIGHT" : "Knave")}").Reverse();
            Assert.True(Family.Check(puzzle.Instance, "Answer:\n" + string.Join('\n', lines)).Accepted);
        }
    }

    [Fact]
    public void Hand_verified_puzzle()
    {
        // A says "we are both knaves": a knight could not say it, so A is a knave and the claim is false: B is a knight.
        var instance = new JsonObject
        {
            ["family"] = "knights_and_knaves",
            ["names"] = new JsonArray("Ann", "Ben"),
            ["statements"] = new JsonArray(new JsonArray(0, new JsonArray("and", new JsonArray("knave", 0), new JsonArray("knave", 1)))),
            ["knights"] = new JsonArray(0, 1),
        };
        Assert.True(Family.Check(instance, "```\nAnn: knave\nBen: knight\n```").Accepted);
        var wrong = Family.Check(instance, "```\nAnn: knave\nBen: knave\n```");
        Assert.False(wrong.Accepted);
        Assert.Equal(0.5, wrong.Score, 6);
        Assert.False(Family.Check(instance, "```\nAnn: knave\n```").Accepted);
        Assert.False(Family.Check(instance, "```\nAnn: knave\nBen: knight\nBen: knave\n```").Accepted);
    }

    [Fact]
    public void The_stated_assignment_is_the_only_one_by_independent_enumeration()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var puzzle = Make(Family, seed, 5);
            var (names, knights) = Solution(puzzle);
            var fitting = new List<int[]>();
            for (var mask = 0; mask < 1 << names.Length; mask++)
            {
                var guess = names.Select((_, i) => (mask >> i) & 1).ToArray();
                var response = LogicAnswer.Fenced(string.Join('\n', names.Select((n, i) => $"{n}: {(guess[i] == 1 ? "knight" : "knave")}")));
                if (Family.Check(puzzle.Instance, response).Accepted)
                    fitting.Add(guess);
            }
            Assert.Single(fitting);
            Assert.Equal(knights, fitting[0]);
        }
    }
}
