using System.Numerics;

namespace SynthData.Logic.Grids;

/// <summary>
/// Backtracking solver for Latin-square puzzles (Futoshiki, Skyscrapers, KenKen): row and column bitmasks, branching
/// on the cell with the fewest candidates, and a puzzle-specific test of the constraints touching the cell just set.
/// Collects solutions up to a limit (2 proves uniqueness).
/// </summary>
public sealed class LatinSolver
{
    /// <summary>Whether the partial grid (0 = empty, row-major) still satisfies the constraints touching <c>cell</c>.</summary>
    public delegate bool Consistent(int[] grid, int cell);

    private readonly int _n;
    private readonly int[] _grid, _rows, _cols;
    private readonly Consistent _consistent;
    private readonly List<int[][]> _found = [];
    private readonly int _limit;

    private LatinSolver(int n, int[][] givens, Consistent consistent, int limit)
    {
        _n = n;
        _grid = givens.SelectMany(r => r).ToArray();
        _rows = new int[n];
        _cols = new int[n];
        _consistent = consistent;
        _limit = limit;
    }

    /// <summary>Up to <paramref name="limit"/> solutions of the puzzle with these givens (0 = empty).</summary>
    public static List<int[][]> Solve(int n, int[][] givens, Consistent consistent, int limit = 2)
    {
        var s = new LatinSolver(n, givens, consistent, limit);
        for (var i = 0; i < s._grid.Length; i++)
        {
            var v = s._grid[i];
            if (v == 0)
                continue;
            int r = i / n, c = i % n;
            if (((s._rows[r] | s._cols[c]) & (1 << v)) != 0 || !consistent(s._grid, i))
                return s._found;
            s._rows[r] |= 1 << v;
            s._cols[c] |= 1 << v;
        }
        s.Search();
        return s._found;
    }

    /// <summary>
    /// Makes a puzzle unique: while a second solution exists, <paramref name="reveal"/> is told a cell where two
    /// solutions differ and adds a clue that fixes it to the intended solution's value (which stays a solution), so
    /// the loop ends.
    /// </summary>
    public static void MakeUnique(int n, Func<int[][]> givens, Consistent consistent, Action<int, int> reveal)
    {
        while (true)
        {
            var found = Solve(n, givens(), consistent);
            if (found.Count < 2)
                return;
            var cell = Enumerable.Range(0, n * n).First(i => found[0][i / n][i % n] != found[1][i / n][i % n]);
            reveal(cell / n, cell % n);
        }
    }

    private void Search()
    {
        var full = ((1 << _n) - 1) << 1;
        int best = -1, bestFree = 0, bestCount = int.MaxValue;
        for (var i = 0; i < _grid.Length; i++)
        {
            if (_grid[i] != 0)
                continue;
            var free = full & ~(_rows[i / _n] | _cols[i % _n]);
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
            _found.Add(Enumerable.Range(0, _n).Select(r => _grid[(r * _n)..((r + 1) * _n)]).ToArray());
            return;
        }
        int br = best / _n, bc = best % _n;
        for (var v = 1; v <= _n && _found.Count < _limit; v++)
        {
            var bit = 1 << v;
            if ((bestFree & bit) == 0)
                continue;
            _grid[best] = v;
            if (_consistent(_grid, best))
            {
                _rows[br] |= bit;
                _cols[bc] |= bit;
                Search();
                _rows[br] &= ~bit;
                _cols[bc] &= ~bit;
            }
            _grid[best] = 0;
        }
    }
}
