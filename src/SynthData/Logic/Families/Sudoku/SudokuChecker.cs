using System.Text.Json.Nodes;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Sudoku;

/// <summary>
/// Checks a Sudoku answer by the rules: every row, column and box holds 1..N once (one constraint each) and no given
/// is changed (a changed given fails outright). The puzzle has one solution, so the rules and the solution agree.
/// </summary>
public static class SudokuChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var boxRows = GridJson.Int(instance, "box_rows", 1, 3);
        var boxCols = GridJson.Int(instance, "box_cols", 1, 3);
        var n = boxRows * boxCols;
        var givens = GridJson.Grid(instance, "givens", n, n, 0, n);
        var grid = GridAnswer.Read(response, n, n, CellReaders.Digits(1, n), out var failure);
        if (grid is null)
            return failure;
        if (LatinRules.AlteredGiven(givens, grid) is { } altered)
            return LogicCheck.Fail(altered);
        var tally = new ConstraintTally();
        LatinRules.AddRowsAndColumns(tally, grid);
        var cells = new int[n];
        for (var b = 0; b < n; b++)
        {
            int r0 = b / boxRows * boxRows, c0 = b % boxRows * boxCols, box = b;
            for (var k = 0; k < n; k++)
                cells[k] = grid[r0 + k / boxCols][c0 + k % boxCols];
            tally.Add(LatinRules.IsPermutation(cells, n), () => $"box {box + 1} repeats a value");
        }
        return tally.Verdict();
    }
}
