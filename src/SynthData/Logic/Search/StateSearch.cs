namespace SynthData.Logic.Search;

/// <summary>
/// Breadth-first search over compactly encoded states (a ulong per state), shared by the families whose reference
/// solutions are shortest move sequences. A family supplies the expansion: for a state, its successors with the code
/// of the move that reaches each (the family decodes move codes back into its answer format).
/// </summary>
public static class StateSearch
{
    public delegate void Expand(ulong state, List<(ulong Next, int Move)> successors);

    /// <summary>
    /// Distances from the nearest of <paramref name="sources"/> to every reachable state, or null when more than
    /// <paramref name="maxStates"/> states are reachable (the caller then picks a smaller instance).
    /// </summary>
    public static Dictionary<ulong, int>? Distances(IEnumerable<ulong> sources, Expand expand, int maxStates)
    {
        var dist = new Dictionary<ulong, int>();
        var queue = new Queue<ulong>();
        foreach (var s in sources)
            if (dist.TryAdd(s, 0))
                queue.Enqueue(s);
        var successors = new List<(ulong, int)>();
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var d = dist[state] + 1;
            successors.Clear();
            expand(state, successors);
            foreach (var (next, _) in successors)
            {
                if (!dist.TryAdd(next, d))
                    continue;
                if (dist.Count > maxStates)
                    return null;
                queue.Enqueue(next);
            }
        }
        return dist;
    }

    /// <summary>
    /// A shortest path from <paramref name="start"/> as (move, state-after) pairs, following strictly decreasing
    /// distances in <paramref name="distToGoal"/> (from <see cref="Distances"/> seeded with the goal states; valid
    /// because every family here has reversible moves). The first successor in expansion order wins, so the path is
    /// deterministic.
    /// </summary>
    public static List<(int Move, ulong State)> Descend(ulong start, IReadOnlyDictionary<ulong, int> distToGoal, Expand expand)
    {
        var path = new List<(int, ulong)>();
        var successors = new List<(ulong Next, int Move)>();
        var state = start;
        var d = distToGoal[start];
        while (d > 0)
        {
            successors.Clear();
            expand(state, successors);
            var found = false;
            foreach (var (next, move) in successors)
            {
                if (distToGoal.TryGetValue(next, out var nd) && nd == d - 1)
                {
                    path.Add((move, next));
                    state = next;
                    d = nd;
                    found = true;
                    break;
                }
            }
            if (!found)
                throw new InvalidOperationException("distance map is not consistent with the expansion (moves are not reversible)");
        }
        return path;
    }

    /// <summary>
    /// A shortest path from <paramref name="start"/> to any goal state (forward BFS with parent links, for families
    /// whose moves are not reversible), or null when none is found within <paramref name="maxStates"/> states.
    /// </summary>
    public static List<int>? ShortestPath(ulong start, Func<ulong, bool> isGoal, Expand expand, int maxStates)
    {
        if (isGoal(start))
            return [];
        var parent = new Dictionary<ulong, (ulong From, int Move)> { [start] = (start, -1) };
        var queue = new Queue<ulong>();
        queue.Enqueue(start);
        var successors = new List<(ulong, int)>();
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            successors.Clear();
            expand(state, successors);
            foreach (var (next, move) in successors)
            {
                if (!parent.TryAdd(next, (state, move)))
                    continue;
                if (isGoal(next))
                {
                    var moves = new List<int>();
                    for (var s = next; s != start; s = parent[s].From)
                        moves.Add(parent[s].Move);
                    moves.Reverse();
                    return moves;
                }
                if (parent.Count > maxStates)
                    return null;
                queue.Enqueue(next);
            }
        }
        return null;
    }
}
