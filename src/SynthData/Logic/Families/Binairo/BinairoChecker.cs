using System.Text.Json.Nodes;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Binairo;

/// <summary>
/// Checks a Binairo answer by the rules: each row and column is balanced with no three equal neighbours, and differs
/// from every other row (column); one constraint each. A changed given fails outright.
/// </summary>
public static class BinairoChecker
{
    private static readonly GridParser.CellReader Cell = CellReaders.Binary(["1"], ["0"]);

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var n = GridJson.Int(instance, "n", 2, 16);
        if (n % 2 != 0)
            throw new LogicInstanceException("n", "an even size");
        var givens = GridJson.Grid(instance, "givens", n, n, -1, 1);
        var grid = GridAnswer.Read(response, n, n, Cell, out var failure);
        if (grid is null)
            return failure;
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                if (givens[r][c] >= 0 && grid[r][c] != givens[r][c])
                    return LogicCheck.Fail($"the given {givens[r][c]} at row {r + 1}, column {c + 1} was changed");
        var rows = new int[n];
        var cols = new int[n];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
            {
                rows[r] |= grid[r][c] << c;
                cols[c] |= grid[r][c] << r;
            }
        var tally = new ConstraintTally();
        Lines(tally, rows, n, "row");
        Lines(tally, cols, n, "column");
        return tally.Verdict();
    }

    private static void Lines(ConstraintTally tally, int[] lines, int n, string kind)
    {
        for (var i = 0; i < n; i++)
        {
            var k = i;
            tally.Add(BinairoSolver.IsValidLine(lines[i], n), () => $"{kind} {k + 1} is unbalanced or has three equal cells in a row");
            tally.Add(Array.IndexOf(lines, lines[i]) == i && Array.LastIndexOf(lines, lines[i]) == i, () => $"{kind} {k + 1} equals another {kind}");
        }
    }
}
