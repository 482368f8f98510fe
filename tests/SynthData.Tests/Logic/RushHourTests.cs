using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.RushHour;

namespace SynthData.Tests.Logic;

public sealed class RushHourTests() : LogicFamilyContract(new RushHourFamily())
{
    /// <summary>
    /// Breaks X's final slide (shorter by one, or the wrong way). Changing an earlier move is no corruption here: moving
    /// a blocker the other way often clears the lane just as well, a valid alternative the checker rightly accepts.
    /// </summary>
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var moves = LogicAnswer.Lines(LogicAnswer.Extract(puzzle.ReferenceResponse)!).ToList();
        var last = moves[^1].Split(' ');
        Assert.Equal("X", last[0]);
        var steps = last.Length == 3 ? int.Parse(last[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
        moves[^1] = steps > 1 && rng.Chance(0.5) ? $"X right {steps - 1}" : $"X left {steps}";
        return LogicAnswer.Fenced(string.Join('\n', moves));
    }

    private static JsonObject HandMade() => new()
    {
        ["family"] = "rush_hour",
        ["board"] = new JsonArray("......", "...A..", "XX.A..", "......", "......", "......"),
        ["optimal"] = 2,
    };

    [Fact]
    public void Either_way_of_clearing_the_lane_is_accepted_in_any_spelling()
    {
        Assert.True(Family.Check(HandMade(), "```\nA up 1\nX right 4\n```").Accepted);
        Assert.True(Family.Check(HandMade(), "```\n1. a: DOWN (2 cells)\n2. x -> r 4\n```").Accepted);
    }

    [Fact]
    public void Hand_made_board_rejects_rule_breaks_and_detours()
    {
        Assert.Contains("A is in the way", Family.Check(HandMade(), "```\nX right 4\n```").Reason);
        Assert.Contains("cannot move up", Family.Check(HandMade(), "```\nX up\n```").Reason);
        Assert.False(Family.Check(HandMade(), "```\nA down 1\nX right 4\n```").Accepted);
        var longer = Family.Check(HandMade(), "```\nA up\nX right 2\nX right 2\n```");
        Assert.False(longer.Accepted);
        Assert.Equal(2.0 / 3, longer.Score, 6);
    }

    [Fact]
    public void Levels_grow_in_depth_and_vehicles()
    {
        double Mean(int level, string field) => Enumerable.Range(0, 20).Average(s =>
            field == "optimal" ? Make(Family, s, level).Instance["optimal"]!.GetValue<int>()
                : string.Concat(Make(Family, s, level).Instance["board"]!.AsArray().Select(r => r!.GetValue<string>())).Where(c => c != '.').Distinct().Count());
        for (var level = 2; level <= 5; level++)
        {
            Assert.True(Mean(level, "optimal") > Mean(level - 1, "optimal"), $"level {level} is not deeper");
            Assert.True(Mean(level, "vehicles") > Mean(level - 1, "vehicles"), $"level {level} has no more vehicles");
        }
    }
}
