using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Binairo;

/// <summary>
/// Binairo (Takuzu): fill an even N x N grid with 0 and 1. Givens are removed from a random full grid while the
/// solver proves the solution unique; higher levels are larger with fewer givens.
/// </summary>
public sealed class BinairoFamily : ILogicFamily
{
    public string Name => "binairo";

    public string Description => "Binairo / Takuzu (4x4 to 10x10 grids of 0 and 1) with a unique solution";

    private static readonly (int N, double Givens)[] Levels = [(4, 0.5), (6, 0.5), (6, 0), (8, 0.4), (10, 0.4)];

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (n, fraction) = Levels[Math.Clamp(difficulty, 1, 5) - 1];
        var givens = Enumerable.Range(0, n).Select(_ => Enumerable.Repeat(-1, n).ToArray()).ToArray();
        var full = BinairoSolver.Solve(n, givens, 1, rng)[0];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                givens[r][c] = (full[r] >> c) & 1;
        var order = Enumerable.Range(0, n * n).ToList();
        rng.Shuffle(order);
        var remaining = n * n;
        foreach (var cell in order)
        {
            if (remaining <= (int)(fraction * n * n))
                break;
            int r = cell / n, c = cell % n, keep = givens[r][c];
            givens[r][c] = -1;
            if (BinairoSolver.Solve(n, givens).Count == 1)
                remaining--;
            else
                givens[r][c] = keep;
        }
        var instance = new JsonObject { ["family"] = Name, ["n"] = n, ["givens"] = GridJson.ToJson(givens) };
        var answer = string.Join('\n', full.Select(row => string.Join(' ', Enumerable.Range(0, n).Select(c => (row >> c) & 1))));
        return new LogicPuzzle(Prompt(n, givens), instance,
            "Every row and column is balanced, has no three equal cells in a row, and is unique.\n" + LogicAnswer.Fenced(answer));
    }

    public LogicCheck Check(JsonObject instance, string response) => BinairoChecker.Check(instance, response);

    private static string Prompt(int n, int[][] givens) => $"""
        Solve this {n}x{n} Binairo (Takuzu). Fill every empty cell (shown as .) with 0 or 1 so that:
        - each row and each column has exactly {n / 2} zeros and {n / 2} ones;
        - no row or column has three equal cells next to each other;
        - no two rows are the same, and no two columns are the same.
        Do not change the given cells.

        {string.Join('\n', givens.Select(r => string.Join(' ', r.Select(v => v < 0 ? "." : v.ToString(System.Globalization.CultureInfo.InvariantCulture)))))}

        Give the completed grid inside a final fenced code block (```): {n} lines, one per row, each with {n} digits (0 or 1)
        separated by spaces.
        """;
}
