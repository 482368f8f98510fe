namespace SynthData.Logic.Families.GraphColoring;

/// <summary>
/// Backtracking colouring with neighbour bitmasks, always colouring next the vertex with the most differently
/// coloured neighbours (DSatur order). Returns a colouring with at most k colours, or null when there is none.
/// </summary>
internal static class GraphColoringSolver
{
    public static int[]? Solve(int vertices, IReadOnlyList<(int A, int B)> edges, int colors)
    {
        var neighbours = new long[vertices];
        foreach (var (a, b) in edges)
        {
            neighbours[a] |= 1L << b;
            neighbours[b] |= 1L << a;
        }
        var color = Enumerable.Repeat(-1, vertices).ToArray();
        return Search(color, neighbours, colors, 0) ? color : null;
    }

    private static bool Search(int[] color, long[] neighbours, int colors, int done)
    {
        if (done == color.Length)
            return true;
        int best = -1, bestSaturation = -1;
        for (var v = 0; v < color.Length; v++)
        {
            if (color[v] >= 0)
                continue;
            var saturation = int.PopCount(Used(v, color, neighbours));
            if (saturation > bestSaturation)
                (best, bestSaturation) = (v, saturation);
        }
        var used = Used(best, color, neighbours);
        // A colour no vertex has yet is interchangeable with any other unused one: try only the first.
        var highest = color.Max();
        for (var c = 0; c < colors && c <= highest + 1; c++)
        {
            if ((used & (1 << c)) != 0)
                continue;
            color[best] = c;
            if (Search(color, neighbours, colors, done + 1))
                return true;
        }
        color[best] = -1;
        return false;
    }

    private static int Used(int v, int[] color, long[] neighbours)
    {
        var used = 0;
        for (var rest = neighbours[v]; rest != 0; rest &= rest - 1)
        {
            var c = color[long.TrailingZeroCount(rest)];
            if (c >= 0)
                used |= 1 << c;
        }
        return used;
    }
}
