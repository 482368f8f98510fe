using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Maze;

namespace SynthData.Tests.Logic;

public sealed class MazeTests() : LogicFamilyContract(new MazeFamily())
{
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var path = LogicAnswer.Extract(puzzle.ReferenceResponse)!.ToCharArray();
        var i = rng.Next(0, path.Length - 1);
        path[i] = "UDLR".Where(c => c != path[i]).ToArray()[rng.Next(0, 2)];
        return LogicAnswer.Fenced(new string(path));
    }

    private static JsonObject Loop() => new()
    {
        ["family"] = "maze",
        ["maze"] = new JsonArray("#####", "#S..#", "#.#.#", "#..G#", "#####"),
        ["optimal"] = 4,
    };

    [Fact]
    public void Either_shortest_route_round_a_loop_is_accepted()
    {
        Assert.True(Family.Check(Loop(), "```\nRRDD\n```").Accepted);
        Assert.True(Family.Check(Loop(), "```\nd, d, r, r\n```").Accepted);
        Assert.True(Family.Check(Loop(), "```\ndown down right right\n```").Accepted);
        Assert.Contains("wall", Family.Check(Loop(), "```\nRDRD\n```").Reason);
        var longer = Family.Check(Loop(), "```\nRLRRDD\n```");
        Assert.False(longer.Accepted);
        Assert.Equal(4.0 / 6, longer.Score, 6);
        Assert.False(Family.Check(Loop(), "```\nRRD\n```").Accepted);
        Assert.False(Family.Check(Loop(), "```\nRRDX\n```").Accepted);
    }

    [Fact]
    public void Generated_mazes_have_S_and_G_connected_at_the_stated_distance()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var instance = Make(Family, seed, 4).Instance;
            var rows = instance["maze"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray();
            var cells = rows.SelectMany((row, r) => row.Select((ch, c) => (ch, r, c))).ToList();
            var s = cells.Single(x => x.ch == 'S');
            var dist = new Dictionary<(int, int), int> { [(s.r, s.c)] = 0 };
            var queue = new Queue<(int R, int C)>([(s.r, s.c)]);
            while (queue.Count > 0)
            {
                var (r, c) = queue.Dequeue();
                foreach (var (nr, nc) in new[] { (r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1) })
                    if (rows[nr][nc] != '#' && dist.TryAdd((nr, nc), dist[(r, c)] + 1))
                        queue.Enqueue((nr, nc));
            }
            var g = cells.Single(x => x.ch == 'G');
            Assert.Equal(instance["optimal"]!.GetValue<int>(), dist[(g.r, g.c)]);
        }
    }
}
