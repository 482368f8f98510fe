namespace SynthData.Logic.Grids;

/// <summary>Rules shared by the Latin-square puzzles (Sudoku, Futoshiki, Skyscrapers, KenKen) and the givens check.</summary>
public static class LatinRules
{
    /// <summary>One constraint per row and per column: it holds each of 1..N exactly once.</summary>
    public static void AddRowsAndColumns(ConstraintTally tally, int[][] grid)
    {
        var n = grid.Length;
        for (var r = 0; r < n; r++)
        {
            var row = r;
            tally.Add(IsPermutation(grid[r], n), () => $"row {row + 1} repeats a value");
        }
        var column = new int[n];
        for (var c = 0; c < n; c++)
        {
            for (var r = 0; r < n; r++)
                column[r] = grid[r][c];
            var col = c;
            tally.Add(IsPermutation(column, n), () => $"column {col + 1} repeats a value");
        }
    }

    public static bool IsPermutation(ReadOnlySpan<int> values, int n)
    {
        var seen = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (v < 1 || v > n || (seen & (1 << v)) != 0)
                return false;
            seen |= 1 << v;
            count++;
        }
        return count == n;
    }

    /// <summary>The first given (non-zero cell of <paramref name="givens"/>) the answer changes, as a message, or null.</summary>
    public static string? AlteredGiven(int[][] givens, int[][] answer)
    {
        for (var r = 0; r < givens.Length; r++)
            for (var c = 0; c < givens[r].Length; c++)
                if (givens[r][c] != 0 && answer[r][c] != givens[r][c])
                    return $"the given {givens[r][c]} at row {r + 1}, column {c + 1} was changed to {answer[r][c]}";
        return null;
    }

    /// <summary>A random Latin square of order n (values 1..n) by randomised backtracking.</summary>
    public static int[][] RandomSquare(Common.SeededRandom rng, int n)
    {
        var grid = new int[n][];
        for (var r = 0; r < n; r++)
            grid[r] = new int[n];
        var rows = new int[n];
        var cols = new int[n];
        if (!Fill(0))
            throw new InvalidOperationException("a Latin square always exists");
        return grid;

        bool Fill(int cell)
        {
            if (cell == n * n)
                return true;
            int r = cell / n, c = cell % n;
            var order = Enumerable.Range(1, n).ToArray();
            rng.Shuffle(order);
            foreach (var v in order)
            {
                var bit = 1 << v;
                if (((rows[r] | cols[c]) & bit) != 0)
                    continue;
                rows[r] |= bit;
                cols[c] |= bit;
                grid[r][c] = v;
                if (Fill(cell + 1))
                    return true;
                rows[r] &= ~bit;
                cols[c] &= ~bit;
            }
            grid[r][c] = 0;
            return false;
        }
    }

    /// <summary>Rows of values separated by spaces, with 0 (an empty cell) shown as '.'.</summary>
    public static string Format(int[][] grid) =>
        string.Join('\n', grid.Select(r => string.Join(' ', r.Select(v => v == 0 ? "." : v.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
}
