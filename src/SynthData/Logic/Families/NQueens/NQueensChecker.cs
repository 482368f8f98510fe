using System.Text.Json.Nodes;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.NQueens;

/// <summary>
/// Checks an N-Queens answer by the rules, so any valid placement is accepted. The answer is a board (rows of . and Q)
/// or a list of the queen's column in each row. Constraints: each row and each column holds exactly one queen, each
/// diagonal at most one; a pre-placed queen that is missing fails outright.
/// </summary>
public static class NQueensChecker
{
    private static readonly GridParser.CellReader BoardCell = CellReaders.Binary(["Q", "1"], [".", "0", "*"]);

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var n = GridJson.Int(instance, "n", 4, 16);
        var placed = GridJson.IntLists(instance, "placed", 1, n);
        if (placed.Any(p => p.Length != 2))
            throw new LogicInstanceException("placed", "[row, column] pairs (1-based)");
        var text = LogicAnswer.Extract(response);
        var board = GridParser.Parse(text, n, n, BoardCell, out var boardError) ?? FromColumns(text, n, out _);
        if (board is null)
            return LogicCheck.Fail($"expected a board of {n} rows of {n} cells (. or Q) or {n} column numbers: {boardError}");
        foreach (var p in placed)
            if (board[p[0] - 1][p[1] - 1] != 1)
                return LogicCheck.Fail($"the pre-placed queen at row {p[0]}, column {p[1]} is missing");
        var tally = new ConstraintTally();
        for (var r = 0; r < n; r++)
        {
            var (row, count) = (r, 0);
            for (var c = 0; c < n; c++)
                count += board[r][c];
            tally.Add(count == 1, () => $"row {row + 1} has {count} queens");
        }
        for (var c = 0; c < n; c++)
        {
            var (col, count) = (c, 0);
            for (var r = 0; r < n; r++)
                count += board[r][c];
            tally.Add(count == 1, () => $"column {col + 1} has {count} queens");
        }
        for (var k = -(n - 1); k <= n - 1; k++)
        {
            int down = 0, up = 0, diag = k;
            for (var r = 0; r < n; r++)
            {
                if (r - k >= 0 && r - k < n)
                    down += board[r][r - k];
                if (r + k >= 0 && r + k < n)
                    up += board[r][n - 1 - (r + k)];
            }
            tally.Add(down <= 1, () => $"{down} queens attack each other along a diagonal (row - column = {diag})");
            tally.Add(up <= 1, () => $"{up} queens attack each other along an anti-diagonal");
        }
        return tally.Verdict();
    }

    /// <summary>A board from "2 4 1 3" (the 1-based column of the queen in rows 1..n), on one line or one per line.</summary>
    private static int[][]? FromColumns(string? text, int n, out string error)
    {
        var digits = CellReaders.Digits(1, n);
        var cols = GridParser.Parse(text, 1, n, digits, out error) ?? GridParser.Parse(text, n, 1, digits, out error);
        if (cols is null)
            return null;
        var flat = cols.SelectMany(r => r).ToArray();
        return Enumerable.Range(0, n).Select(r => Enumerable.Range(0, n).Select(c => flat[r] == c + 1 ? 1 : 0).ToArray()).ToArray();
    }
}
