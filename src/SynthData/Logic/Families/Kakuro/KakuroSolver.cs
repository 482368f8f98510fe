using System.Numerics;

namespace SynthData.Logic.Families.Kakuro;

/// <summary>
/// Backtracking Kakuro solver: each run keeps a bitmask of digits used, the sum still owed and the cells still empty;
/// a digit is a candidate for a cell only if it is new to both its runs and each run can still reach its sum with
/// distinct unused digits (between the smallest and largest sums of that many). Branches on the cell with the fewest
/// candidates and counts solutions up to a limit (2 proves uniqueness), keeping the first ones found.
/// </summary>
public sealed class KakuroSolver
{
    private readonly KakuroBoard _board;
    private readonly (int R, int C)[] _cells;
    private readonly int[][] _cellRuns; // run indices of each cell (one or two)
    private readonly int[] _used, _owed, _left;
    private readonly int[] _value;
    private readonly List<int[][]> _found = [];
    private int _limit;
    private long _budget;

    private KakuroSolver(KakuroBoard board)
    {
        _board = board;
        var index = new Dictionary<(int, int), int>();
        var cellRuns = new List<List<int>>();
        for (var i = 0; i < board.Runs.Count; i++)
            for (var k = 0; k < board.Runs[i].Length; k++)
            {
                var cell = board.Runs[i].Cell(k);
                if (!index.TryGetValue(cell, out var at))
                {
                    index[cell] = at = cellRuns.Count;
                    cellRuns.Add([]);
                }
                cellRuns[at].Add(i);
            }
        _cells = index.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        _cellRuns = cellRuns.Select(l => l.ToArray()).ToArray();
        _used = new int[board.Runs.Count];
        _owed = board.Runs.Select(r => r.Sum).ToArray();
        _left = board.Runs.Select(r => r.Length).ToArray();
        _value = new int[_cells.Length];
    }

    /// <summary>
    /// The number of solutions counted up to <paramref name="limit"/>, and the first ones found (rows x cols, 0 on
    /// black); -1 when the search visits more than <paramref name="budget"/> nodes before deciding.
    /// </summary>
    public static int Count(KakuroBoard board, int limit, out List<int[][]> solutions, long budget = long.MaxValue)
    {
        var s = new KakuroSolver(board) { _limit = limit, _budget = budget };
        solutions = s._found;
        for (var i = 0; i < s._cells.Length; i++)
        {
            var given = board.Givens[s._cells[i].R][s._cells[i].C];
            if (given == 0)
                continue;
            if (!s.Fits(i, given))
                return 0;
            s.Place(i, given);
        }
        s.Search();
        return s._budget < 0 ? -1 : s._found.Count;
    }

    private bool Fits(int cell, int d)
    {
        var bit = 1 << d;
        foreach (var run in _cellRuns[cell])
            if ((_used[run] & bit) != 0 || !Reachable(_used[run] | bit, _owed[run] - d, _left[run] - 1))
                return false;
        return true;
    }

    /// <summary>Whether <paramref name="count"/> distinct digits outside <paramref name="used"/> can sum to <paramref name="sum"/>.</summary>
    private static bool Reachable(int used, int sum, int count)
    {
        if (count == 0)
            return sum == 0;
        int low = 0, high = 0, taken = 0;
        for (var d = 1; d <= 9 && taken < count; d++)
            if ((used & (1 << d)) == 0)
            {
                low += d;
                taken++;
            }
        if (taken < count)
            return false;
        taken = 0;
        for (var d = 9; d >= 1 && taken < count; d--)
            if ((used & (1 << d)) == 0)
            {
                high += d;
                taken++;
            }
        return sum >= low && sum <= high;
    }

    private void Place(int cell, int d)
    {
        _value[cell] = d;
        foreach (var run in _cellRuns[cell])
        {
            _used[run] |= 1 << d;
            _owed[run] -= d;
            _left[run]--;
        }
    }

    private void Unplace(int cell, int d)
    {
        _value[cell] = 0;
        foreach (var run in _cellRuns[cell])
        {
            _used[run] &= ~(1 << d);
            _owed[run] += d;
            _left[run]++;
        }
    }

    private void Search()
    {
        if (--_budget < 0)
            return;
        int best = -1, bestMask = 0, bestCount = int.MaxValue;
        for (var i = 0; i < _cells.Length && bestCount > 1; i++)
        {
            if (_value[i] != 0)
                continue;
            var mask = 0;
            for (var d = 1; d <= 9; d++)
                if (Fits(i, d))
                    mask |= 1 << d;
            var count = BitOperations.PopCount((uint)mask);
            if (count < bestCount)
                (best, bestMask, bestCount) = (i, mask, count);
        }
        if (best < 0)
        {
            var grid = Enumerable.Range(0, _board.Rows).Select(_ => new int[_board.Cols]).ToArray();
            for (var i = 0; i < _cells.Length; i++)
                grid[_cells[i].R][_cells[i].C] = _value[i];
            _found.Add(grid);
            return;
        }
        for (var d = 1; d <= 9 && _found.Count < _limit && _budget >= 0; d++)
        {
            if ((bestMask & (1 << d)) == 0)
                continue;
            Place(best, d);
            Search();
            Unplace(best, d);
        }
    }
}
