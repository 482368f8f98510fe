using System.Text.Json.Nodes;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Futoshiki;

/// <summary>
/// Checks a Futoshiki answer by the rules: each row and column holds 1..N once and each inequality holds (one
/// constraint each); a changed given fails outright. The puzzle has one solution, so the rules and it agree.
/// </summary>
public static class FutoshikiChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var n = GridJson.Int(instance, "n", 2, 9);
        var givens = GridJson.Grid(instance, "givens", n, n, 0, n);
        var inequalities = Inequalities(instance, n);
        var grid = GridAnswer.Read(response, n, n, CellReaders.Digits(1, n), out var failure);
        if (grid is null)
            return failure;
        if (LatinRules.AlteredGiven(givens, grid) is { } altered)
            return LogicCheck.Fail(altered);
        var tally = new ConstraintTally();
        LatinRules.AddRowsAndColumns(tally, grid);
        foreach (var q in inequalities)
            tally.Add(grid[q[0] - 1][q[1] - 1] < grid[q[2] - 1][q[3] - 1], () => $"({q[0]},{q[1]}) < ({q[2]},{q[3]}) does not hold");
        return tally.Verdict();
    }

    /// <summary>The "less" list: [r1, c1, r2, c2] (1-based) meaning cell (r1,c1) is less than the adjacent cell (r2,c2).</summary>
    public static int[][] Inequalities(JsonObject instance, int n)
    {
        var list = GridJson.IntLists(instance, "less", 1, n);
        if (list.Any(q => q.Length != 4 || Math.Abs(q[0] - q[2]) + Math.Abs(q[1] - q[3]) != 1))
            throw new LogicInstanceException("less", "[row, column, row, column] of two adjacent cells");
        return list;
    }
}
