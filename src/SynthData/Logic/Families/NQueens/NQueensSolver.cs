using SynthData.Common;

namespace SynthData.Logic.Families.NQueens;

/// <summary>
/// Row-by-row N-Queens backtracking on column and diagonal bitmasks, honouring queens fixed in advance. With a random
/// generator it tries columns in random order (how random placements are made); without, it is deterministic.
/// </summary>
public static class NQueensSolver
{
    /// <summary>Column (0-based) of the queen in each row, or null when no placement extends <paramref name="fixedColumns"/> (-1 = free row).</summary>
    public static int[]? Solve(int n, int[] fixedColumns, SeededRandom? rng = null)
    {
        var cols = new int[n];
        return Place(0, 0, 0UL, 0UL) ? cols : null;

        bool Place(int row, int usedCols, ulong diag, ulong anti)
        {
            if (row == n)
                return true;
            var order = fixedColumns[row] >= 0 ? [fixedColumns[row]] : Enumerable.Range(0, n).ToArray();
            if (rng is not null && order.Length > 1)
                rng.Shuffle(order);
            foreach (var c in order)
            {
                var d = 1UL << (row - c + n);
                var a = 1UL << (row + c);
                if ((usedCols & (1 << c)) != 0 || (diag & d) != 0 || (anti & a) != 0)
                    continue;
                cols[row] = c;
                if (Place(row + 1, usedCols | (1 << c), diag | d, anti | a))
                    return true;
            }
            return false;
        }
    }
}
