using System.Text.Json.Nodes;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Nonogram;

/// <summary>
/// Checks a nonogram answer by the rules: each row and each column clue is one constraint, satisfied when the runs of
/// filled cells in that line are exactly the clue. Any grid meeting every clue is accepted (generated puzzles have one).
/// </summary>
public static class NonogramChecker
{
    // "-" and "_" are left out on purpose: GridParser skips lines made only of them as rulers, so an empty row would vanish.
    private static readonly GridParser.CellReader Cell = CellReaders.Binary(["#", "1", "X", "■", "█"], [".", "0", "·", "□"]);

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var rows = GridJson.Int(instance, "rows", 1, NonogramSolver.MaxSide);
        var cols = GridJson.Int(instance, "cols", 1, NonogramSolver.MaxSide);
        var rowClues = Clues(instance, "row_clues", rows, cols);
        var colClues = Clues(instance, "col_clues", cols, rows);
        var grid = GridAnswer.Read(response, rows, cols, Cell, out var failure);
        if (grid is null)
            return failure;
        var tally = new ConstraintTally();
        for (var r = 0; r < rows; r++)
        {
            var mask = 0;
            for (var c = 0; c < cols; c++)
                mask |= grid[r][c] << c;
            Line(tally, mask, cols, rowClues[r], "row", r);
        }
        for (var c = 0; c < cols; c++)
        {
            var mask = 0;
            for (var r = 0; r < rows; r++)
                mask |= grid[r][c] << r;
            Line(tally, mask, rows, colClues[c], "column", c);
        }
        return tally.Verdict();
    }

    /// <summary>The clues of <paramref name="count"/> lines of <paramref name="length"/> cells; a 0 entry means no run.</summary>
    public static int[][] Clues(JsonObject instance, string field, int count, int length)
    {
        var clues = GridJson.IntLists(instance, field, 0, length).Select(l => l.Where(v => v > 0).ToArray()).ToArray();
        if (clues.Length != count || clues.Any(c => c.Sum() + c.Length - 1 > length))
            throw new LogicInstanceException(field, $"{count} clues that each fit in {length} cells");
        return clues;
    }

    private static void Line(ConstraintTally tally, int mask, int n, int[] clue, string kind, int index)
    {
        var runs = NonogramSolver.Runs(mask, n);
        tally.Add(runs.SequenceEqual(clue), () =>
            $"{kind} {index + 1} has runs [{string.Join(' ', runs)}] but its clue is [{string.Join(' ', clue)}]");
    }
}
