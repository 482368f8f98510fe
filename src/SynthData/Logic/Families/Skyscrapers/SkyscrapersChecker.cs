using System.Text.Json.Nodes;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Skyscrapers;

/// <summary>
/// Checks a Skyscrapers answer by the rules: each row and column holds 1..N once and each edge clue sees exactly its
/// number of buildings (one constraint each); a changed given fails outright.
/// </summary>
public static class SkyscrapersChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var n = GridJson.Int(instance, "n", 2, 9);
        var givens = GridJson.Grid(instance, "givens", n, n, 0, n);
        var clues = GridJson.Grid(instance, "clues", 4, n, 0, n); // top, bottom, left, right
        var grid = GridAnswer.Read(response, n, n, CellReaders.Digits(1, n), out var failure);
        if (grid is null)
            return failure;
        if (LatinRules.AlteredGiven(givens, grid) is { } altered)
            return LogicCheck.Fail(altered);
        var tally = new ConstraintTally();
        LatinRules.AddRowsAndColumns(tally, grid);
        var seen = SkyscraperClues.Of(grid);
        string[] sides = ["top of column", "bottom of column", "left of row", "right of row"];
        int[][] actual = [seen.Top, seen.Bottom, seen.Left, seen.Right];
        for (var side = 0; side < 4; side++)
            for (var i = 0; i < n; i++)
                if (clues[side][i] != 0)
                {
                    var (s, k) = (side, i);
                    tally.Add(actual[s][k] == clues[s][k], () => $"the clue {clues[s][k]} at the {sides[s]} {k + 1} sees {actual[s][k]}");
                }
        return tally.Verdict();
    }
}
