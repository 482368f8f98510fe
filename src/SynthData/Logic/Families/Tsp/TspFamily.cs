using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;

namespace SynthData.Logic.Families.Tsp;

/// <summary>
/// Small travelling-salesman instances: 5 to 9 cities (level 1 to 5) at random integer points, distances the rounded
/// Euclidean ones (symmetric); the optimum by Held-Karp. Any optimal tour is accepted, in any rotation or direction.
/// </summary>
public sealed class TspFamily : ILogicFamily
{
    public string Name => "tsp";

    public string Description => "Travelling salesman on 5-9 cities with a distance matrix: a shortest closed tour";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var n = 4 + Math.Clamp(difficulty, 1, 5);
        var p = new List<(int X, int Y)>();
        while (p.Count < n)
        {
            var point = (rng.Next(0, 99), rng.Next(0, 99));
            if (!p.Contains(point))
                p.Add(point);
        }
        var d = new int[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                d[i, j] = (int)Math.Round(Math.Sqrt(Math.Pow(p[i].X - p[j].X, 2) + Math.Pow(p[i].Y - p[j].Y, 2)));
        var (tour, length) = TspSolver.Solve(d);
        var instance = new JsonObject
        {
            ["family"] = "tsp",
            ["distances"] = new JsonArray(Enumerable.Range(0, n)
                .Select(i => (JsonNode?)Search.InstanceFields.Array(Enumerable.Range(0, n).Select(j => d[i, j]))).ToArray()),
            ["optimal"] = length,
        };
        var width = Math.Max(3, (d.Cast<int>().Max() + "").Length + 1);
        var header = "    " + string.Concat(Enumerable.Range(1, n).Select(j => j.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)));
        var table = Enumerable.Range(0, n).Select(i => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3) + " "
            + string.Concat(Enumerable.Range(0, n).Select(j => d[i, j].ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width))));
        var prompt = new StringBuilder()
            .AppendLine($"Travelling salesman. There are {n} cities numbered 1 to {n}; the table gives the distance between every pair:")
            .AppendLine("```").AppendLine(header).AppendLine(string.Join('\n', table)).AppendLine("```")
            .AppendLine("Find a shortest closed tour that visits every city exactly once and returns to where it started.")
            .AppendLine("Answer format: the city numbers in visiting order separated by spaces, each city once (for example "
                + "`1 4 2 3 5`; the return to the first city is implied), inside a final fenced code block (```).")
            .ToString();
        var reference = $"A shortest tour has length {length} (exact dynamic programming over subsets).\n"
            + LogicAnswer.Fenced(string.Join(' ', tour.Select(c => c + 1)));
        return new LogicPuzzle(prompt, instance, reference);
    }

    public LogicCheck Check(JsonObject instance, string response) => TspChecker.Check(instance, response);
}
