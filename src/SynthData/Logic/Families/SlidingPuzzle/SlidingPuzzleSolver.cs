namespace SynthData.Logic.Families.SlidingPuzzle;

/// <summary>
/// Optimal solver for the n x n sliding puzzle (8- and 15-puzzle): IDA* with the Manhattan-distance heuristic
/// (admissible, so the first solution found is shortest), updated incrementally per move. A node budget bounds the
/// work; the generator discards scrambles that exceed it.
/// </summary>
public static class SlidingPuzzleSolver
{
    /// <summary>The tiles slid into the blank, in order, on a shortest solution; null when over the budget.</summary>
    public static List<int>? Solve(int[] tiles, int size, long nodeBudget)
    {
        var board = (int[])tiles.Clone();
        var blank = Array.IndexOf(board, 0);
        var bound = Manhattan(board, size);
        var path = new List<int>();
        var nodes = 0L;
        while (true)
        {
            var result = Search(board, size, blank, -1, 0, bound, path, ref nodes, nodeBudget);
            if (result == Found)
                return path;
            if (result == int.MaxValue || nodes > nodeBudget)
                return null;
            bound = result;
        }
    }

    public static int Manhattan(int[] board, int size)
    {
        var h = 0;
        for (var i = 0; i < board.Length; i++)
            if (board[i] != 0)
                h += Distance(board[i], i, size);
        return h;
    }

    /// <summary>Distance of <paramref name="tile"/> at <paramref name="cell"/> from its home (tile t belongs at t-1).</summary>
    public static int Distance(int tile, int cell, int size) =>
        Math.Abs(cell / size - (tile - 1) / size) + Math.Abs(cell % size - (tile - 1) % size);

    private const int Found = -1;

    private static int Search(int[] board, int size, int blank, int previousBlank, int g, int bound, List<int> path,
        ref long nodes, long budget)
    {
        var h = Manhattan(board, size);
        var f = g + h;
        if (f > bound)
            return f;
        if (h == 0)
            return Found;
        if (++nodes > budget)
            return int.MaxValue;
        var min = int.MaxValue;
        var (r, c) = (blank / size, blank % size);
        Span<int> neighbours = [r > 0 ? blank - size : -1, r < size - 1 ? blank + size : -1, c > 0 ? blank - 1 : -1, c < size - 1 ? blank + 1 : -1];
        foreach (var from in neighbours)
        {
            if (from < 0 || from == previousBlank)
                continue;
            var tile = board[from];
            board[blank] = tile;
            board[from] = 0;
            path.Add(tile);
            var t = Search(board, size, from, blank, g + 1, bound, path, ref nodes, budget);
            if (t == Found)
                return Found;
            path.RemoveAt(path.Count - 1);
            board[from] = tile;
            board[blank] = 0;
            if (t < min)
                min = t;
            if (nodes > budget)
                return int.MaxValue;
        }
        return min;
    }
}
