using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.WaterJugs;

namespace SynthData.Tests.Logic;

public sealed class WaterJugsTests() : LogicFamilyContract(new WaterJugsFamily())
{
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        // Dropping a step leaves fewer steps than the optimum, so the target cannot be reached.
        var steps = LogicAnswer.Lines(LogicAnswer.Extract(puzzle.ReferenceResponse)!).ToList();
        steps.RemoveAt(rng.Next(0, steps.Count - 1));
        return LogicAnswer.Fenced(steps.Count == 0 ? "empty A" : string.Join('\n', steps));
    }

    private static JsonObject DieHard() => new()
    {
        ["family"] = "water_jugs", ["capacities"] = new JsonArray(3, 5), ["target"] = 4, ["optimal"] = 6,
    };

    [Fact]
    public void Both_classic_four_litre_plans_are_accepted()
    {
        // 5-litre route: fill B, pour B A, empty A, pour B A, fill B, pour B A -> B holds 4.
        Assert.True(Family.Check(DieHard(), "```\nfill B\npour B A\nempty A\npour B A\nfill B\npour B A\n```").Accepted);
        // The 3-litre route is 8 steps: valid but not shortest.
        var longer = Family.Check(DieHard(), "```\nFill A\nPour A into B\nfill a\npour a -> b\nempty the jug B\npour A to B\nfill A\npour A B\n```");
        Assert.False(longer.Accepted);
        Assert.Contains("not shortest", longer.Reason);
        Assert.Equal(6.0 / 8, longer.Score, 6);
        Assert.False(Family.Check(DieHard(), "```\nfill B\npour B C\n```").Accepted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Stated_optimum_matches_an_independent_search(int level)
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var instance = Make(Family, seed, level).Instance;
            var caps = instance["capacities"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
            Assert.Equal(instance["optimal"]!.GetValue<int>(), Bfs(caps, instance["target"]!.GetValue<int>()));
        }
    }

    private static int Bfs(int[] caps, int target)
    {
        var start = new int[caps.Length];
        var dist = new Dictionary<string, int> { [string.Join(',', start)] = 0 };
        var queue = new Queue<int[]>([start]);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            var d = dist[string.Join(',', s)];
            if (s.Contains(target))
                return d;
            var next = new List<int[]>();
            for (var i = 0; i < caps.Length; i++)
            {
                var f = (int[])s.Clone(); f[i] = caps[i]; next.Add(f);
                var e = (int[])s.Clone(); e[i] = 0; next.Add(e);
                for (var j = 0; j < caps.Length; j++)
                {
                    if (i == j)
                        continue;
                    var p = (int[])s.Clone();
                    var amount = Math.Min(p[i], caps[j] - p[j]);
                    p[i] -= amount; p[j] += amount; next.Add(p);
                }
            }
            foreach (var n in next)
                if (dist.TryAdd(string.Join(',', n), d + 1))
                    queue.Enqueue(n);
        }
        return -1;
    }
}
