using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.SlidingPuzzle;

namespace SynthData.Tests.Logic;

public sealed class SlidingPuzzleTests() : LogicFamilyContract(new SlidingPuzzleFamily())
{
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var moves = Moves(puzzle);
        var size = puzzle.Instance["size"]!.GetValue<int>();
        var i = rng.Next(0, moves.Count - 1);
        var other = rng.Next(1, size * size - 2);
        moves[i] = other >= moves[i] ? other + 1 : other;
        return LogicAnswer.Fenced(string.Join(' ', moves));
    }

    private static List<int> Moves(LogicPuzzle puzzle) =>
        LogicAnswer.Extract(puzzle.ReferenceResponse)!.Split(' ').Select(int.Parse).ToList();

    [Fact]
    public void Comma_and_line_separated_moves_are_accepted()
    {
        var puzzle = Make(Family, 5, 2);
        var moves = Moves(puzzle);
        Assert.True(Family.Check(puzzle.Instance, "answer: " + string.Join(", ", moves)).Accepted);
        Assert.True(Family.Check(puzzle.Instance, "```\n" + string.Join('\n', moves) + "\n```").Accepted);
    }

    [Fact]
    public void Hand_made_board_is_checked_by_the_rules()
    {
        var instance = new JsonObject
        {
            ["family"] = "sliding_puzzle", ["size"] = 3, ["tiles"] = new JsonArray(1, 2, 3, 4, 5, 6, 7, 0, 8), ["optimal"] = 1,
        };
        Assert.True(Family.Check(instance, "```\n8\n```").Accepted);
        Assert.False(Family.Check(instance, "```\n7\n```").Accepted); // legal, but not solved
        Assert.Contains("not next to", Family.Check(instance, "```\n1\n```").Reason);
        var detour = Family.Check(instance, "```\n8 8 8\n```");
        Assert.False(detour.Accepted);
        Assert.Equal(1.0 / 3, detour.Score, 6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Stated_optimum_matches_an_independent_breadth_first_search(int level)
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var puzzle = Make(Family, seed, level);
            var tiles = string.Concat(puzzle.Instance["tiles"]!.AsArray().Select(n => n!.GetValue<int>()));
            Assert.Equal(puzzle.Instance["optimal"]!.GetValue<int>(), Bfs(tiles, "123456780"));
        }
    }

    private static int Bfs(string start, string goal)
    {
        var dist = new Dictionary<string, int> { [start] = 0 };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            if (s == goal)
                return dist[s];
            var b = s.IndexOf('0');
            foreach (var n in new[] { b - 3, b + 3, b % 3 > 0 ? b - 1 : -1, b % 3 < 2 ? b + 1 : -1 })
            {
                if (n < 0 || n > 8)
                    continue;
                var a = s.ToCharArray();
                (a[b], a[n]) = (a[n], a[b]);
                var next = new string(a);
                if (dist.TryAdd(next, dist[s] + 1))
                    queue.Enqueue(next);
            }
        }
        return -1;
    }
}
