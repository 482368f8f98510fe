namespace SynthData.Logic.Families.Nonogram;

/// <summary>
/// Nonogram solver: a line solver (every line keeps only the fill patterns that match its clue and the cells known so
/// far; cells equal in all of them become known) run to a fixpoint, then backtracking on an unknown cell, counting
/// solutions up to a limit so that uniqueness is proved. Lines are bit patterns: bit i is cell i of the line.
/// </summary>
public static class NonogramSolver
{
    public const int MaxSide = 12;

    // Per line length, every fill pattern grouped by its clue; 2^12 patterns at most, built once per length.
    private static readonly Lazy<Dictionary<string, int[]>>[] PatternsByLength =
        Enumerable.Range(0, MaxSide + 1).Select(n => new Lazy<Dictionary<string, int[]>>(() => BuildPatterns(n))).ToArray();

    /// <summary>The runs of filled cells in <paramref name="mask"/> (a line of <paramref name="n"/> cells), in order.</summary>
    public static List<int> Runs(int mask, int n)
    {
        var runs = new List<int>();
        var run = 0;
        for (var i = 0; i < n; i++)
        {
            if (((mask >> i) & 1) == 1)
                run++;
            else if (run > 0)
            {
                runs.Add(run);
                run = 0;
            }
        }
        if (run > 0)
            runs.Add(run);
        return runs;
    }

    public static string Key(IEnumerable<int> runs) => string.Join(',', runs);

    /// <summary>Every pattern of <paramref name="n"/> cells whose runs are <paramref name="clue"/> (empty: none).</summary>
    public static int[] Patterns(IReadOnlyList<int> clue, int n) =>
        PatternsByLength[n].Value.TryGetValue(Key(clue), out var p) ? p : [];

    /// <summary>Up to <paramref name="limit"/> solutions, each as row bit patterns.</summary>
    public static List<int[]> Solve(int[][] rowClues, int[][] colClues, int limit = 2)
    {
        int rows = rowClues.Length, cols = colClues.Length;
        var rowCands = rowClues.Select(c => Patterns(c, cols)).ToArray();
        var colCands = colClues.Select(c => Patterns(c, rows)).ToArray();
        var found = new List<int[]>();
        if (rowCands.Any(c => c.Length == 0) || colCands.Any(c => c.Length == 0))
            return found;
        Search(new int[rows], new int[rows], rowCands, colCands, cols, limit, found);
        return found;
    }

    // filled[r] / known[r]: bit c set when cell (r, c) is known filled / known at all.
    private static void Search(int[] filled, int[] known, int[][] rowCands, int[][] colCands, int cols, int limit, List<int[]> found)
    {
        if (!Propagate(filled, known, rowCands, colCands, cols))
            return;
        var full = (1 << cols) - 1;
        var r = Array.FindIndex(known, k => k != full);
        if (r < 0)
        {
            found.Add((int[])filled.Clone());
            return;
        }
        var c = System.Numerics.BitOperations.TrailingZeroCount(~known[r] & full);
        foreach (var value in new[] { 1, 0 })
        {
            var f = (int[])filled.Clone();
            var k = (int[])known.Clone();
            k[r] |= 1 << c;
            if (value == 1)
                f[r] |= 1 << c;
            Search(f, k, rowCands, colCands, cols, limit, found);
            if (found.Count >= limit)
                return;
        }
    }

    /// <summary>Line solving to a fixpoint; false on a contradiction (a line with no matching pattern).</summary>
    private static bool Propagate(int[] filled, int[] known, int[][] rowCands, int[][] colCands, int cols)
    {
        var rows = filled.Length;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var r = 0; r < rows; r++)
            {
                if (!Settle(rowCands[r], known[r], filled[r], cols, out var nk, out var nf))
                    return false;
                if (nk != known[r])
                {
                    known[r] = nk;
                    filled[r] = nf;
                    changed = true;
                }
            }
            for (var c = 0; c < cols; c++)
            {
                int ck = 0, cf = 0;
                for (var r = 0; r < rows; r++)
                {
                    ck |= ((known[r] >> c) & 1) << r;
                    cf |= ((filled[r] >> c) & 1) << r;
                }
                if (!Settle(colCands[c], ck, cf, rows, out var nk, out var nf))
                    return false;
                if (nk == ck)
                    continue;
                changed = true;
                for (var r = 0; r < rows; r++)
                {
                    known[r] |= ((nk >> r) & 1) << c;
                    filled[r] |= ((nf >> r) & 1) << c;
                }
            }
        }
        return true;
    }

    private static bool Settle(int[] candidates, int known, int filled, int n, out int newKnown, out int newFilled)
    {
        int all = (1 << n) - 1, and = all, or = 0;
        var any = false;
        foreach (var p in candidates)
        {
            if ((p & known) != filled)
                continue;
            any = true;
            and &= p;
            or |= p;
        }
        newKnown = known | and | (~or & all);
        newFilled = filled | and;
        return any;
    }

    private static Dictionary<string, int[]> BuildPatterns(int n) =>
        Enumerable.Range(0, 1 << n).GroupBy(m => Key(Runs(m, n))).ToDictionary(g => g.Key, g => g.ToArray());
}
