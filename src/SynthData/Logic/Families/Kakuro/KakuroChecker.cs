using System.Text.Json.Nodes;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Kakuro;

/// <summary>
/// Checks a Kakuro answer by the rules: one constraint per run (its digits are distinct and sum to its clue). The
/// answer must match the board's layout (a digit on every white cell, # on every black one) and keep every given,
/// else it fails outright. The board has one solution, so the rules and the solution agree.
/// </summary>
public static class KakuroChecker
{
    // Black cells: # as the prompt asks; . x * are read the same way so a different marker is not a format failure.
    private static readonly string[] BlackTokens = ["#", ".", "x", "*"];

    private static readonly GridParser.CellReader Cell = token =>
        BlackTokens.Contains(token, StringComparer.OrdinalIgnoreCase) ? 0 : CellReaders.Digits(1, 9)(token);

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var board = KakuroBoard.FromJson(instance);
        var grid = GridAnswer.Read(response, board.Rows, board.Cols, Cell, out var failure);
        if (grid is null)
            return failure;
        for (var r = 0; r < board.Rows; r++)
            for (var c = 0; c < board.Cols; c++)
            {
                if (board.White[r][c] && grid[r][c] == 0)
                    return LogicCheck.Fail($"row {r + 1}, column {c + 1} is a white cell but has no digit");
                if (!board.White[r][c] && grid[r][c] != 0)
                    return LogicCheck.Fail($"row {r + 1}, column {c + 1} is a black cell but holds {grid[r][c]}");
                if (board.Givens[r][c] != 0 && grid[r][c] != board.Givens[r][c])
                    return LogicCheck.Fail($"row {r + 1}, column {c + 1} is given as {board.Givens[r][c]} but the answer has {grid[r][c]}");
            }
        var tally = new ConstraintTally();
        foreach (var run in board.Runs)
        {
            int used = 0, sum = 0;
            var distinct = true;
            for (var k = 0; k < run.Length; k++)
            {
                var (r, c) = run.Cell(k);
                var d = grid[r][c];
                distinct &= (used & (1 << d)) == 0;
                used |= 1 << d;
                sum += d;
            }
            var ok = distinct && sum == run.Sum;
            tally.Add(ok, () => $"the {run.Name} run from row {run.Row + 1}, column {run.Col + 1} " +
                (distinct ? $"sums to {sum}, not {run.Sum}" : "repeats a digit"));
        }
        return tally.Verdict();
    }
}
