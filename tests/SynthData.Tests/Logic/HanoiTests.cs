using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.TowerOfHanoi;

namespace SynthData.Tests.Logic;

public sealed class HanoiTests() : LogicFamilyContract(new HanoiFamily())
{
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var moves = LogicAnswer.Lines(LogicAnswer.Extract(puzzle.ReferenceResponse)!).ToList();
        var i = rng.Next(0, moves.Count - 1);
        var p = moves[i].Split(' ');
        moves[i] = $"{p[1]} {p[0]}"; // the same pegs the wrong way round
        return LogicAnswer.Fenced(string.Join('\n', moves));
    }

    [Fact]
    public void Classic_three_disks_in_other_spellings()
    {
        var instance = new JsonObject
        {
            ["family"] = "tower_of_hanoi", ["disks"] = 3, ["start"] = new JsonArray(0, 0, 0), ["target"] = 2, ["optimal"] = 7,
        };
        Assert.True(Family.Check(instance, "```\na c\na b\nc b\na c\nb a\nb c\na c\n```").Accepted);
        Assert.True(Family.Check(instance, "```\n1. Move disk 1 from A to C\nA -> B\nC->B\nA, C\nB | A\n(B, C)\nA C\n```").Accepted);
        Assert.Contains("smaller disk", Family.Check(instance, "```\nA C\nA C\n```").Reason);
        Assert.Contains("empty", Family.Check(instance, "```\nB C\n```").Reason);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Stated_optimum_matches_breadth_first_search_over_all_positions(int level)
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var instance = Make(Family, seed, level).Instance;
            var start = instance["start"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
            Assert.Equal(instance["optimal"]!.GetValue<int>(), Bfs(start, instance["target"]!.GetValue<int>()));
        }
    }

    /// <summary>BFS over peg assignments (disk d on peg pegs[d]); a disk may move when no smaller disk is on its peg or the destination.</summary>
    private static int Bfs(int[] start, int target)
    {
        var key = string.Concat(start);
        var goal = new string((char)('0' + target), start.Length);
        var dist = new Dictionary<string, int> { [key] = 0 };
        var queue = new Queue<string>([key]);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            if (s == goal)
                return dist[s];
            for (var d = 0; d < s.Length; d++)
            {
                if (s[..d].Contains(s[d]))
                    continue; // a smaller disk sits on top
                for (var to = '0'; to <= '2'; to++)
                {
                    if (to == s[d] || s[..d].Contains(to))
                        continue;
                    var next = s[..d] + to + s[(d + 1)..];
                    if (dist.TryAdd(next, dist[s] + 1))
                        queue.Enqueue(next);
                }
            }
        }
        return -1;
    }
}
