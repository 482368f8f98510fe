using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.GraphColoring;

/// <summary>
/// Colour a graph's vertices with k colours so no edge joins two of the same colour. The graph is k-colourable by
/// construction (edges only between planted colour classes), the solver finds the reference colouring, and a graph
/// that k - 1 colours would do is refused, so k is needed. Levels grow the graph and k. Any valid colouring passes.
/// </summary>
public sealed class GraphColoringFamily : ILogicFamily
{
    public string Name => "graph_coloring";

    public string Description => "Graph colouring: colour the vertices with k colours so that no edge joins equal colours";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (vertices, colors, degree) = Math.Clamp(difficulty, 1, 5) switch
        {
            1 => (6, 3, 3.0),
            2 => (9, 3, 3.5),
            3 => (12, 3, 4.0),
            4 => (14, 4, 6.0),
            _ => (18, 4, 6.5),
        };
        while (true)
        {
            var planted = Enumerable.Range(0, vertices).Select(v => v % colors).ToList();
            rng.Shuffle(planted);
            var p = degree / (vertices - 1.0) * colors / (colors - 1.0);
            var edges = new List<(int, int)>();
            for (var a = 0; a < vertices; a++)
                for (var b = a + 1; b < vertices; b++)
                    if (planted[a] != planted[b] && rng.Chance(p))
                        edges.Add((a, b));
            if (GraphColoringSolver.Solve(vertices, edges, colors - 1) is not null)
                continue;
            var coloring = GraphColoringSolver.Solve(vertices, edges, colors)
                ?? throw new InvalidOperationException("the solver failed on a graph coloured by construction");
            var instance = new JsonObject
            {
                ["family"] = Name,
                ["vertices"] = vertices,
                ["colors"] = colors,
                ["edges"] = InstanceFields.Rows(edges.Select(e => new[] { e.Item1 + 1, e.Item2 + 1 })),
            };
            var body = new StringBuilder();
            for (var v = 0; v < vertices; v++)
                body.Append($"{v + 1}: {coloring[v] + 1}\n");
            return new LogicPuzzle(GraphColoringChecker.Prompt(vertices, colors, edges), instance,
                $"A backtracking search finds a {colors}-colouring.\n\n" + LogicAnswer.Fenced(body.ToString()));
        }
    }

    public LogicCheck Check(JsonObject instance, string response) => GraphColoringChecker.Check(instance, response);
}
