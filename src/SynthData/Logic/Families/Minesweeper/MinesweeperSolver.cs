namespace SynthData.Logic.Families.Minesweeper;

/// <summary>
/// Decides which covered cells the revealed numbers force. Variables are the covered cells next to a revealed number
/// (the frontier, row-major so each number's constraint closes soon); a backtracking search with bound checks per
/// number (mines so far never above the number, never unable to reach it) looks for a consistent placement. A cell is
/// determined when no consistent placement gives it the other value. The total mine count is not a constraint, so
/// covered cells away from every number are never determined. <c>grid</c>: -1 covered, 0..8 a revealed count.
/// </summary>
public sealed class MinesweeperSolver
{
    private readonly int[] _cells;           // frontier cell index r * cols + c
    private readonly int[][] _varConstraints; // constraints each variable is in
    private readonly int[][] _constraintVars; // variables each constraint counts
    private readonly int[] _need, _left;     // per constraint: mines still needed, unassigned neighbours
    private readonly int[] _value;           // per variable: 0 safe, 1 mine
    private int _forced = -1, _forcedValue;
    private long _nodes;
    private readonly long _budget;

    /// <summary>Search nodes visited so far; the search gives up (returns null) past the budget.</summary>
    public long Nodes => _nodes;

    public MinesweeperSolver(int[][] grid, long budget = long.MaxValue)
    {
        _budget = budget;
        int rows = grid.Length, cols = grid[0].Length;
        var varOf = new Dictionary<int, int>();
        var cells = new List<int>();
        var constraints = new List<(int Target, List<int> Vars)>();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                if (grid[r][c] < 0 && Neighbours(rows, cols, r, c).Any(n => grid[n / cols][n % cols] >= 0))
                {
                    varOf[r * cols + c] = cells.Count;
                    cells.Add(r * cols + c);
                }
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                if (grid[r][c] >= 0)
                    constraints.Add((grid[r][c], Neighbours(rows, cols, r, c).Where(varOf.ContainsKey).Select(n => varOf[n]).ToList()));
        _cells = cells.ToArray();
        _need = constraints.Select(k => k.Target).ToArray();
        _left = constraints.Select(k => k.Vars.Count).ToArray();
        var lists = Enumerable.Range(0, _cells.Length).Select(_ => new List<int>()).ToArray();
        for (var k = 0; k < constraints.Count; k++)
            foreach (var v in constraints[k].Vars)
                lists[v].Add(k);
        _varConstraints = lists.Select(l => l.ToArray()).ToArray();
        _constraintVars = constraints.Select(k => k.Vars.ToArray()).ToArray();
        _value = new int[_cells.Length];
    }

    /// <summary>The frontier cells (r * cols + c) in variable order.</summary>
    public IReadOnlyList<int> Frontier => _cells;

    /// <summary>
    /// For each frontier variable: 1 forced mine, 0 forced safe, -1 undetermined; null when the numbers are
    /// inconsistent or the search budget ran out. <paramref name="known"/> is one consistent placement (by variable).
    /// Each variable is tested by a search that starts at it and spreads breadth-first over the variables sharing a
    /// number with it (its component only: other components are independent), so a contradiction shows up early.
    /// </summary>
    public int[]? Determine(int[]? known = null)
    {
        var baseline = known ?? Find();
        if (baseline is null)
            return null;
        var result = (int[])baseline.Clone();
        for (var x = 0; x < _cells.Length; x++)
        {
            if (result[x] < 0)
                continue;
            _forced = x;
            _forcedValue = 1 - baseline[x];
            var order = Component(x);
            Array.Copy(baseline, _value, _value.Length);
            var found = Search(order, 0);
            _forced = -1;
            if (_nodes > _budget)
                return null;
            if (found)
                foreach (var v in order)
                    if (_value[v] != baseline[v])
                        result[v] = -1;
        }
        return result;
    }

    /// <summary>One consistent placement of the frontier (by variable), or null.</summary>
    public int[]? Find()
    {
        var done = new bool[_cells.Length];
        for (var x = 0; x < _cells.Length; x++)
        {
            if (done[x])
                continue;
            var order = Component(x);
            foreach (var v in order)
                done[v] = true;
            if (!Search(order, 0))
                return null;
        }
        return (int[])_value.Clone();
    }

    /// <summary>The variables linked to <paramref name="start"/> through shared numbers, breadth-first from it.</summary>
    private int[] Component(int start)
    {
        var seen = new bool[_cells.Length];
        var order = new List<int> { start };
        seen[start] = true;
        for (var i = 0; i < order.Count; i++)
            foreach (var k in _varConstraints[order[i]])
                foreach (var v in _constraintVars[k])
                    if (!seen[v])
                    {
                        seen[v] = true;
                        order.Add(v);
                    }
        return order.ToArray();
    }

    /// <summary>Assigns order[i..] consistently; on success the values stay in <see cref="_value"/>.</summary>
    private bool Search(int[] order, int i)
    {
        if (++_nodes > _budget)
            return false;
        if (i == order.Length)
            return true;
        var x = order[i];
        for (var value = 0; value <= 1; value++)
        {
            if (x == _forced && value != _forcedValue)
                continue;
            var ok = Assign(x, value);
            if (ok && Search(order, i + 1))
            {
                Unassign(x, value);
                _value[x] = value;
                return true;
            }
            Unassign(x, value);
            if (_nodes > _budget)
                return false;
        }
        return false;
    }

    private bool Assign(int i, int value)
    {
        _value[i] = value;
        var ok = true;
        foreach (var k in _varConstraints[i])
        {
            _need[k] -= value;
            _left[k]--;
            ok &= _need[k] >= 0 && _need[k] <= _left[k];
        }
        return ok;
    }

    private void Unassign(int i, int value)
    {
        foreach (var k in _varConstraints[i])
        {
            _need[k] += value;
            _left[k]++;
        }
    }

    public static IEnumerable<int> Neighbours(int rows, int cols, int r, int c)
    {
        for (var dr = -1; dr <= 1; dr++)
            for (var dc = -1; dc <= 1; dc++)
                if ((dr != 0 || dc != 0) && r + dr >= 0 && r + dr < rows && c + dc >= 0 && c + dc < cols)
                    yield return (r + dr) * cols + c + dc;
    }
}
