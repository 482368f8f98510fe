using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.GraphColoring;

/// <summary>
/// Checks a colouring by the rules: every vertex one colour in 1..k, no edge with equal ends. Score = the fraction
/// of edges whose ends are both coloured and differ.
/// </summary>
internal static partial class GraphColoringChecker
{
    private const int MaxLines = 10_000;

    public static string Prompt(int vertices, int colors, IReadOnlyList<(int A, int B)> edges) => $"""
        Colour the vertices of this graph with at most {colors} colours, numbered 1 to {colors}, so that no edge joins two vertices of the same colour.
        Vertices: 1 to {vertices}.
        Edges: {string.Join(", ", edges.Select(e => $"{e.A + 1}-{e.B + 1}"))}

        Answer format: one line per vertex as `VERTEX: COLOUR` (for example `1: 2`), inside a final fenced code block (```).
        """;

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var vertices = InstanceFields.Int(instance, "vertices", 1, 1000);
        var colors = InstanceFields.Int(instance, "colors", 1, 64);
        var edges = InstanceFields.IntRows(instance, "edges", 1, vertices);
        if (edges.Any(e => e.Length != 2))
            throw new LogicInstanceException("edges", "pairs of vertex numbers");
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block");
        var color = new int[vertices + 1];
        string? problem = null;
        foreach (var line in LogicAnswer.Lines(answer).Take(MaxLines))
        {
            var m = Assignment().Match(line);
            if (!m.Success)
                continue;
            if (!int.TryParse(m.Groups["v"].Value, out var v) || v < 1 || v > vertices)
            {
                problem ??= $"there is no vertex {m.Groups["v"].Value}";
                continue;
            }
            if (!int.TryParse(m.Groups["c"].Value, out var c) || c < 1 || c > colors)
            {
                problem ??= $"vertex {v} has colour {m.Groups["c"].Value}, not one of 1..{colors}";
                color[v] = -1;
                continue;
            }
            if (color[v] != 0 && color[v] != c)
            {
                problem ??= $"vertex {v} is given two colours";
                color[v] = -1;
                continue;
            }
            color[v] = color[v] == -1 ? -1 : c;
        }
        var good = edges.Count(e => color[e[0]] > 0 && color[e[1]] > 0 && color[e[0]] != color[e[1]]);
        var score = edges.Length == 0 ? 0 : (double)good / edges.Length;
        var uncoloured = Enumerable.Range(1, vertices).FirstOrDefault(v => color[v] <= 0);
        if (problem is not null)
            return LogicCheck.Fail(problem, score);
        if (uncoloured > 0)
            return LogicCheck.Fail($"vertex {uncoloured} has no colour", score);
        if (good < edges.Length)
        {
            var bad = edges.First(e => color[e[0]] == color[e[1]]);
            return LogicCheck.Fail($"edge {bad[0]}-{bad[1]} joins two vertices of colour {color[bad[0]]}", score);
        }
        return LogicCheck.Pass("every vertex has one colour and no edge joins equal colours");
    }

    // "3: 2", "vertex 3 -> colour 2", "v3 = 2".
    [GeneratedRegex(@"^\D*?(?<v>\d{1,9})\D+?(?<c>\d{1,9})\D*$")]
    private static partial Regex Assignment();
}
