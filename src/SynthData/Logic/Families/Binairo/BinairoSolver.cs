using System.Numerics;
using SynthData.Common;

namespace SynthData.Logic.Families.Binairo;

/// <summary>
/// Binairo solver working a row at a time: each row is one of the few balanced bit patterns with no three equal
/// neighbours, chosen to match the givens and differ from earlier rows, with column counts and column triples checked
/// as rows are added and column uniqueness at the end. Bit c of a row is the cell in column c.
/// </summary>
public sealed class BinairoSolver
{
    private readonly int _n;
    private readonly int[] _valid;
    private readonly int[] _rows;
    private readonly int[] _givenMask, _givenOnes;
    private readonly SeededRandom? _rng;
    private readonly List<int[]> _found = [];
    private int _limit;

    private BinairoSolver(int n, int[][] givens, SeededRandom? rng)
    {
        _n = n;
        _rng = rng;
        _valid = Enumerable.Range(0, 1 << n).Where(m => IsValidLine(m, n)).ToArray();
        _rows = new int[n];
        _givenMask = new int[n];
        _givenOnes = new int[n];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                if (givens[r][c] >= 0)
                {
                    _givenMask[r] |= 1 << c;
                    _givenOnes[r] |= givens[r][c] << c;
                }
    }

    /// <summary>Up to <paramref name="limit"/> solutions (rows as bit patterns); -1 in <paramref name="givens"/> is empty.</summary>
    public static List<int[]> Solve(int n, int[][] givens, int limit = 2, SeededRandom? rng = null)
    {
        var s = new BinairoSolver(n, givens, rng) { _limit = limit };
        s.Place(0, new int[n]);
        return s._found;
    }

    /// <summary>Balanced (n/2 ones) with no three equal cells in a row.</summary>
    public static bool IsValidLine(int mask, int n)
    {
        var full = (1 << n) - 1;
        var zeros = ~mask & full;
        return BitOperations.PopCount((uint)mask) == n / 2
               && (mask & (mask >> 1) & (mask >> 2)) == 0 && (zeros & (zeros >> 1) & (zeros >> 2)) == 0;
    }

    private void Place(int r, int[] onesPerColumn)
    {
        if (r == _n)
        {
            if (ColumnsDistinct())
                _found.Add((int[])_rows.Clone());
            return;
        }
        var candidates = _valid;
        if (_rng is not null)
        {
            candidates = (int[])_valid.Clone();
            _rng.Shuffle(candidates);
        }
        var full = (1 << _n) - 1;
        foreach (var row in candidates)
        {
            if ((row & _givenMask[r]) != _givenOnes[r] || Array.IndexOf(_rows, row, 0, r) >= 0)
                continue;
            if (r >= 2 && ((row & _rows[r - 1] & _rows[r - 2]) != 0 || (~row & ~_rows[r - 1] & ~_rows[r - 2] & full) != 0))
                continue;
            var ok = true;
            for (var c = 0; c < _n && ok; c++)
            {
                var ones = onesPerColumn[c] + ((row >> c) & 1);
                ok = ones <= _n / 2 && (r + 1 - ones) <= _n / 2;
            }
            if (!ok)
                continue;
            _rows[r] = row;
            for (var c = 0; c < _n; c++)
                onesPerColumn[c] += (row >> c) & 1;
            Place(r + 1, onesPerColumn);
            for (var c = 0; c < _n; c++)
                onesPerColumn[c] -= (row >> c) & 1;
            if (_found.Count >= _limit)
                return;
        }
    }

    private bool ColumnsDistinct()
    {
        var seen = new HashSet<int>();
        for (var c = 0; c < _n; c++)
        {
            var col = 0;
            for (var r = 0; r < _n; r++)
                col |= ((_rows[r] >> c) & 1) << r;
            if (!seen.Add(col))
                return false;
        }
        return true;
    }
}
