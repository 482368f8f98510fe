using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Sokoban;

namespace SynthData.Tests.Logic;

public sealed class SokobanTests() : LogicFamilyContract(new SokobanFamily())
{
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var path = LogicAnswer.Extract(puzzle.ReferenceResponse)!.ToCharArray();
        var i = rng.Next(0, path.Length - 1);
        path[i] = "UDLR".Where(c => c != path[i]).ToArray()[rng.Next(0, 2)];
        return LogicAnswer.Fenced(new string(path));
    }

    // Box in the middle, goal bottom-right: push right then down, or down then right; both take 5 steps.
    private static JsonObject TwoWays() => new()
    {
        ["family"] = "sokoban",
        ["room"] = new JsonArray("#####", "#@--#", "#-$-#", "#--.#", "#####"),
        ["optimal"] = 5,
    };

    [Fact]
    public void Both_shortest_push_orders_are_accepted()
    {
        Assert.True(Family.Check(TwoWays(), "```\nDRURD\n```").Accepted);
        Assert.True(Family.Check(TwoWays(), "```\nr d l d r\n```").Accepted);
    }

    [Fact]
    public void Hand_made_rooms_reject_rule_breaks_and_detours()
    {
        var longer = Family.Check(TwoWays(), "```\nRLDRURD\n```");
        Assert.False(longer.Accepted);
        Assert.Equal(5.0 / 7, longer.Score, 6);
        Assert.False(Family.Check(TwoWays(), "```\nDRUR\n```").Accepted); // stops one push short
        var corridor = new JsonObject { ["family"] = "sokoban", ["room"] = new JsonArray("#####", "#@$.#", "#####"), ["optimal"] = 1 };
        Assert.True(Family.Check(corridor, "```\nR\n```").Accepted);
        Assert.Contains("blocked", Family.Check(corridor, "```\nRR\n```").Reason); // would push the box into the wall
        Assert.Contains("blocked", Family.Check(corridor, "```\nL\n```").Reason);
    }
}
