using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.KenKen;

/// <summary>
/// KenKen: an N x N Latin square cut into cages, each with a target and an operation. Cages are grown at random over
/// a random square; while the solver finds a second solution, the cage of a cell where the two differ is split (that
/// cell becomes a one-cell cage), which keeps the intended square a solution and ends with a unique one.
/// </summary>
public sealed class KenKenFamily : ILogicFamily
{
    public string Name => "kenken";

    public string Description => "KenKen (3x3 to 6x6, cages with + - * /) with a unique solution";

    private static readonly (int N, int MaxCage)[] Levels = [(3, 2), (4, 3), (5, 3), (5, 4), (6, 4)];

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (n, maxCage) = Levels[Math.Clamp(difficulty, 1, 5) - 1];
        var solution = LatinRules.RandomSquare(rng, n);
        var cages = new KenKenCages(n, solution, rng);
        cages.Partition(maxCage);
        var empty = Enumerable.Range(0, n).Select(_ => new int[n]).ToArray();
        LatinSolver.MakeUnique(n, () => empty, cages.Consistent, (r, c) => cages.Split(r * n + c));
        var list = cages.Cages.OrderBy(c => c.Cells[0]).ToList();
        var instance = new JsonObject
        {
            ["family"] = Name,
            ["n"] = n,
            ["cages"] = new JsonArray(list.Select(c => (JsonNode)new JsonObject
            {
                ["op"] = c.Op.ToString(),
                ["target"] = c.Target,
                ["cells"] = GridJson.ToJson(c.Cells.Select(x => new[] { x / n + 1, x % n + 1 }).ToArray()),
            }).ToArray()),
        };
        return new LogicPuzzle(Prompt(n, list), instance,
            "Every row and column holds each number once and every cage makes its target.\n" + LogicAnswer.Fenced(LatinRules.Format(solution)));
    }

    public LogicCheck Check(JsonObject instance, string response) => KenKenChecker.Check(instance, response);

    /// <summary>A, B, ..., Z, a, ..., z, then A1...: the name of a cage in the prompt's map.</summary>
    public static string Label(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : index < 52 ? ((char)('a' + index - 26)).ToString() : "C" + index;

    private static string Prompt(int n, List<KenKenCage> cages)
    {
        var map = new string[n * n];
        for (var i = 0; i < cages.Count; i++)
            foreach (var c in cages[i].Cells)
                map[c] = Label(i);
        var text = new StringBuilder($"Solve this {n}x{n} KenKen. Fill the grid with numbers from 1 to {n} so that each row and each column contains every number exactly once. ")
            .Append("The grid is divided into cages (cells with the same letter below). The numbers in a cage must make the cage's target with its operation: ")
            .Append("+ (sum), * (product), - (difference of the two cells, larger minus smaller), / (quotient of the two cells, larger divided by smaller); ")
            .Append("a one-cell cage (=) simply holds its target. Numbers may repeat within a cage if they are in different rows and columns.\n\nCage map:\n");
        for (var r = 0; r < n; r++)
            text.Append(string.Join(' ', map[(r * n)..((r + 1) * n)].Select(l => l.PadRight(2)))).Append('\n');
        text.Append("\nCages:\n");
        for (var i = 0; i < cages.Count; i++)
            text.Append($"{Label(i)}: {cages[i].Target} {cages[i].Op}\n");
        text.Append($"\nGive the completed grid inside a final fenced code block (```): {n} lines, one per row from the top, each with {n} numbers separated by spaces.");
        return text.ToString();
    }
}
