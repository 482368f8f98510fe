using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.GraphColoring;

namespace SynthData.Tests.Logic;

public sealed class GraphColoringTests() : LogicFamilyContract(new GraphColoringFamily())
{
    private static int[][] Edges(JsonObject instance) =>
        instance["edges"]!.AsArray().Select(e => e!.AsArray().Select(v => v!.GetValue<int>()).ToArray()).ToArray();

    // One endpoint of an edge takes the other endpoint's colour.
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var colors = LogicAnswer.Lines(LogicAnswer.Extract(puzzle.ReferenceResponse)!).Select(l => int.Parse(l.Split(':')[1])).ToArray();
        var edges = Edges(puzzle.Instance);
        var edge = edges[rng.Next(0, edges.Length - 1)];
        colors[edge[0] - 1] = colors[edge[1] - 1];
        return LogicAnswer.Fenced(string.Join('\n', colors.Select((c, i) => $"{i + 1}: {c}")));
    }

    [Fact]
    public void A_different_valid_colouring_found_by_brute_force_is_accepted_and_k_colours_are_needed()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var puzzle = Make(Family, seed, 1); // 6 vertices, 3 colours: 729 colourings
            var edges = Edges(puzzle.Instance);
            var valid = new List<int[]>();
            for (var code = 0; code < 729; code++)
            {
                var c = Enumerable.Range(0, 6).Select(i => code / (int)Math.Pow(3, i) % 3 + 1).ToArray();
                if (edges.All(e => c[e[0] - 1] != c[e[1] - 1]))
                    valid.Add(c);
            }
            Assert.NotEmpty(valid);
            Assert.All(valid, c => Assert.Equal(3, c.Distinct().Count())); // two colours never suffice
            var other = valid[^1]; // colour permutations alone give 6 valid colourings
            Assert.True(Family.Check(puzzle.Instance, "```\n" + string.Join(", ", other.Select((c, i) => $"vertex {i + 1} -> {c}")).Replace(", ", "\n") + "\n```").Accepted);
        }
    }

    [Fact]
    public void Hand_verified_triangle()
    {
        var instance = new JsonObject
        {
            ["family"] = "graph_coloring",
            ["vertices"] = 3,
            ["colors"] = 3,
            ["edges"] = new JsonArray(new JsonArray(1, 2), new JsonArray(2, 3), new JsonArray(1, 3)),
        };
        Assert.True(Family.Check(instance, "```\n1: 3\n2: 1\n3: 2\n```").Accepted);
        var clash = Family.Check(instance, "```\n1: 1\n2: 2\n3: 1\n```");
        Assert.False(clash.Accepted);
        Assert.Equal(2.0 / 3, clash.Score, 6);
        Assert.False(Family.Check(instance, "```\n1: 1\n2: 2\n3: 4\n```").Accepted);
        Assert.False(Family.Check(instance, "```\n1: 1\n2: 2\n```").Accepted);
    }
}
