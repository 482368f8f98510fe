namespace SynthData.Logic.Families.Tsp;

/// <summary>Exact travelling-salesman tours by Held-Karp dynamic programming over subsets (n &lt;= 12).</summary>
public static class TspSolver
{
    /// <summary>An optimal closed tour starting at city 0 (as city indices, without the return) and its length.</summary>
    public static (int[] Tour, int Length) Solve(int[,] d)
    {
        var n = d.GetLength(0);
        var full = 1 << n;
        var cost = new int[full, n];
        var parent = new int[full, n];
        for (var s = 0; s < full; s++)
            for (var j = 0; j < n; j++)
                cost[s, j] = int.MaxValue;
        cost[1, 0] = 0;
        for (var s = 1; s < full; s += 2)
        {
            for (var j = 0; j < n; j++)
            {
                if (cost[s, j] == int.MaxValue)
                    continue;
                for (var k = 1; k < n; k++)
                {
                    if ((s & (1 << k)) != 0)
                        continue;
                    var t = s | (1 << k);
                    var c = cost[s, j] + d[j, k];
                    if (c < cost[t, k])
                        (cost[t, k], parent[t, k]) = (c, j);
                }
            }
        }
        var (best, last) = (int.MaxValue, 0);
        for (var j = 1; j < n; j++)
            if (cost[full - 1, j] + d[j, 0] < best)
                (best, last) = (cost[full - 1, j] + d[j, 0], j);
        var tour = new int[n];
        var set = full - 1;
        for (var i = n - 1; i > 0; i--)
        {
            tour[i] = last;
            (set, last) = (set & ~(1 << last), parent[set, last]);
        }
        return (tour, best);
    }

    public static int Length(int[,] d, IReadOnlyList<int> tour)
    {
        var total = 0;
        for (var i = 0; i < tour.Count; i++)
            total += d[tour[i], tour[(i + 1) % tour.Count]];
        return total;
    }
}
