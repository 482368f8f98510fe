namespace SynthData.Logic.Families.Skyscrapers;

/// <summary>
/// The edge clues of a Skyscrapers puzzle (0 = no clue): how many buildings are seen looking along a row or column,
/// a taller one hiding every shorter one behind it. Top and bottom are per column, left and right per row.
/// </summary>
public sealed record SkyscraperClues(int N, int[] Top, int[] Bottom, int[] Left, int[] Right)
{
    public static SkyscraperClues Of(int[][] grid)
    {
        var n = grid.Length;
        var flat = grid.SelectMany(r => r).ToArray();
        var clues = new SkyscraperClues(n, new int[n], new int[n], new int[n], new int[n]);
        for (var i = 0; i < n; i++)
        {
            clues.Top[i] = Visible(flat, i, n, n);
            clues.Bottom[i] = Visible(flat, i + n * (n - 1), -n, n);
            clues.Left[i] = Visible(flat, i * n, 1, n);
            clues.Right[i] = Visible(flat, i * n + n - 1, -1, n);
        }
        return clues;
    }

    /// <summary>Buildings seen from <paramref name="start"/> stepping by <paramref name="step"/> over a full line.</summary>
    public static int Visible(int[] flat, int start, int step, int n)
    {
        int seen = 0, max = 0;
        for (var k = 0; k < n; k++)
        {
            var v = flat[start + k * step];
            if (v > max)
                (max, seen) = (v, seen + 1);
        }
        return seen;
    }

    /// <summary>Whether the partial grid can still meet the clues on the row and column of <paramref name="cell"/>.</summary>
    public bool Consistent(int[] grid, int cell)
    {
        int r = cell / N, c = cell % N;
        return Line(grid, c, N, Top[c]) && Line(grid, c + N * (N - 1), -N, Bottom[c])
            && Line(grid, r * N, 1, Left[r]) && Line(grid, r * N + N - 1, -1, Right[r]);
    }

    // Walks from the edge over the filled prefix: the count seen so far only grows, and is final once N is passed.
    private bool Line(int[] grid, int start, int step, int clue)
    {
        if (clue == 0)
            return true;
        int seen = 0, max = 0;
        for (var k = 0; k < N; k++)
        {
            var v = grid[start + k * step];
            if (v == 0)
                return seen <= clue && seen + (N - max) >= clue;
            if (v > max)
                (max, seen) = (v, seen + 1);
            if (max == N)
                return seen == clue;
        }
        return seen == clue;
    }
}
