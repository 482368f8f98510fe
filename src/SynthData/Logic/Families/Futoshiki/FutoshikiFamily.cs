using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Futoshiki;

/// <summary>
/// Futoshiki: an N x N Latin square with inequality signs between some adjacent cells. Starting from every inequality
/// of a random square (plus givens where those are not enough), inequalities are removed while the solver proves the
/// solution unique; higher levels are larger and keep fewer signs.
/// </summary>
public sealed class FutoshikiFamily : ILogicFamily
{
    public string Name => "futoshiki";

    public string Description => "Futoshiki (4x4 and 5x5 Latin squares with inequalities) with a unique solution";

    // (size, fraction of the adjacent pairs that keep their sign at most); 0 removes every sign that can go.
    private static readonly (int N, double Keep)[] Levels = [(4, 0.5), (4, 0), (5, 0.5), (5, 0.25), (5, 0)];

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (n, keep) = Levels[Math.Clamp(difficulty, 1, 5) - 1];
        var solution = LatinRules.RandomSquare(rng, n);
        var pairs = new List<(int Less, int More)>();
        for (var i = 0; i < n * n; i++)
            foreach (var j in new[] { i % n + 1 < n ? i + 1 : -1, i + n < n * n ? i + n : -1 })
                if (j >= 0)
                    pairs.Add(Value(solution, n, i) < Value(solution, n, j) ? (i, j) : (j, i));
        rng.Shuffle(pairs);
        var givens = Enumerable.Range(0, n).Select(_ => new int[n]).ToArray();
        LatinSolver.MakeUnique(n, () => givens, new FutoshikiRules(n, pairs).Consistent, (r, c) => givens[r][c] = solution[r][c]);
        var target = (int)(keep * pairs.Count);
        for (var k = pairs.Count - 1; k >= 0 && pairs.Count > target; k--)
        {
            var removed = pairs[k];
            pairs.RemoveAt(k);
            if (LatinSolver.Solve(n, givens, new FutoshikiRules(n, pairs).Consistent).Count != 1)
                pairs.Insert(k, removed);
        }
        var less = pairs.OrderBy(p => p.Less).ThenBy(p => p.More)
            .Select(p => new[] { p.Less / n + 1, p.Less % n + 1, p.More / n + 1, p.More % n + 1 }).ToArray();
        var instance = new JsonObject
        {
            ["family"] = Name,
            ["n"] = n,
            ["givens"] = GridJson.ToJson(givens),
            ["less"] = GridJson.ToJson(less),
        };
        return new LogicPuzzle(Prompt(n, givens, less), instance,
            "Every row and column holds each number once and every inequality holds.\n" + LogicAnswer.Fenced(LatinRules.Format(solution)));
    }

    public LogicCheck Check(JsonObject instance, string response) => FutoshikiChecker.Check(instance, response);

    private static int Value(int[][] grid, int n, int cell) => grid[cell / n][cell % n];

    private static string Prompt(int n, int[][] givens, int[][] less) => $"""
        Solve this {n}x{n} Futoshiki. Fill the grid with numbers from 1 to {n} so that each row and each column contains
        every number exactly once, and every inequality below holds. Cells are (row, column), counted from 1 at the top
        left; given numbers are shown and must not change, empty cells are shown as '.'.

        {LatinRules.Format(givens)}

        Inequalities:
        {string.Join('\n', less.Select(q => $"({q[0]},{q[1]}) < ({q[2]},{q[3]})"))}

        Give the completed grid inside a final fenced code block (```): {n} lines, one per row, each with {n} numbers
        separated by spaces.
        """;
}
