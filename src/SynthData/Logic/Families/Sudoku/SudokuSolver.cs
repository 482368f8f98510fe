using System.Numerics;
using SynthData.Common;

namespace SynthData.Logic.Families.Sudoku;

/// <summary>
/// Backtracking Sudoku solver on row/column/box bitmasks, always branching on the cell with the fewest candidates.
/// Counts solutions up to a limit (2 proves uniqueness); with a random generator it tries values in random order,
/// which is how full grids are made.
/// </summary>
public sealed class SudokuSolver
{
    private readonly int _n, _boxRows, _boxCols;
    private readonly int[] _cells, _rows, _cols, _boxes;
    private readonly SeededRandom? _rng;
    private int[]? _first;
    private int _count, _limit;

    private SudokuSolver(int[][] givens, int boxRows, int boxCols, SeededRandom? rng)
    {
        _n = boxRows * boxCols;
        _boxRows = boxRows;
        _boxCols = boxCols;
        _rng = rng;
        _cells = new int[_n * _n];
        _rows = new int[_n];
        _cols = new int[_n];
        _boxes = new int[_n];
        for (var r = 0; r < _n; r++)
            for (var c = 0; c < _n; c++)
                _cells[r * _n + c] = givens[r][c];
    }

    /// <summary>The number of solutions, counted up to <paramref name="limit"/>; the first one found is returned.</summary>
    public static int Count(int[][] givens, int boxRows, int boxCols, int limit, out int[][]? solution, SeededRandom? rng = null)
    {
        var s = new SudokuSolver(givens, boxRows, boxCols, rng) { _limit = limit };
        solution = null;
        if (!s.PlaceGivens())
            return 0;
        s.Search();
        if (s._first is { } f)
            solution = Enumerable.Range(0, s._n).Select(r => f[(r * s._n)..((r + 1) * s._n)]).ToArray();
        return s._count;
    }

    private int Box(int r, int c) => r / _boxRows * _boxRows + c / _boxCols;

    private bool PlaceGivens()
    {
        for (var i = 0; i < _cells.Length; i++)
        {
            var v = _cells[i];
            if (v == 0)
                continue;
            int r = i / _n, c = i % _n, b = Box(r, c), bit = 1 << v;
            if (((_rows[r] | _cols[c] | _boxes[b]) & bit) != 0)
                return false;
            _rows[r] |= bit;
            _cols[c] |= bit;
            _boxes[b] |= bit;
        }
        return true;
    }

    private void Search()
    {
        var full = ((1 << _n) - 1) << 1;
        int best = -1, bestFree = 0, bestCount = int.MaxValue;
        for (var i = 0; i < _cells.Length; i++)
        {
            if (_cells[i] != 0)
                continue;
            int r = i / _n, c = i % _n;
            var free = full & ~(_rows[r] | _cols[c] | _boxes[Box(r, c)]);
            var count = BitOperations.PopCount((uint)free);
            if (count < bestCount)
            {
                (best, bestFree, bestCount) = (i, free, count);
                if (count <= 1)
                    break;
            }
        }
        if (best < 0)
        {
            _count++;
            _first ??= (int[])_cells.Clone();
            return;
        }
        if (bestCount == 0)
            return;
        var values = new List<int>(bestCount);
        for (var v = 1; v <= _n; v++)
            if ((bestFree & (1 << v)) != 0)
                values.Add(v);
        _rng?.Shuffle(values);
        int br = best / _n, bc = best % _n, bb = Box(br, bc);
        foreach (var v in values)
        {
            var bit = 1 << v;
            _cells[best] = v;
            _rows[br] |= bit;
            _cols[bc] |= bit;
            _boxes[bb] |= bit;
            Search();
            _rows[br] &= ~bit;
            _cols[bc] &= ~bit;
            _boxes[bb] &= ~bit;
            _cells[best] = 0;
            if (_count >= _limit)
                return;
        }
    }
}
