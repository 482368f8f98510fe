namespace SynthData.Logic.Families.Zebra;

/// <summary>
/// Counts the solutions of a zebra puzzle (up to a limit): each item's possible houses as a bitmask, narrowed by the
/// clues and by "each attribute's values fill the houses once" (naked and hidden singles) to a fixpoint, then
/// branching on the item with the fewest houses left.
/// </summary>
internal static class ZebraSolver
{
    public static int Count(int houses, int attributes, IReadOnlyList<ZebraClue> clues, int limit)
    {
        var domain = new int[houses * attributes];
        Array.Fill(domain, (1 << houses) - 1);
        var found = 0;
        Search(domain, houses, attributes, clues, limit, ref found);
        return found;
    }

    private static void Search(int[] domain, int houses, int attributes, IReadOnlyList<ZebraClue> clues, int limit, ref int found)
    {
        if (found >= limit || !Propagate(domain, houses, attributes, clues))
            return;
        var best = -1;
        for (var i = 0; i < domain.Length; i++)
            if (int.PopCount(domain[i]) > 1 && (best < 0 || int.PopCount(domain[i]) < int.PopCount(domain[best])))
                best = i;
        if (best < 0)
        {
            var houseOf = new int[domain.Length];
            for (var i = 0; i < domain.Length; i++)
                houseOf[i] = int.TrailingZeroCount(domain[i]);
            foreach (var clue in clues)
                if (!clue.Holds(houseOf))
                    return;
            found++;
            return;
        }
        for (var options = domain[best]; options != 0 && found < limit; options &= options - 1)
        {
            var copy = (int[])domain.Clone();
            copy[best] = options & -options;
            Search(copy, houses, attributes, clues, limit, ref found);
        }
    }

    private static long Total(int[] domain)
    {
        long total = 0;
        foreach (var d in domain)
            total += d;
        return total;
    }

    private static bool Propagate(int[] domain, int houses, int attributes, IReadOnlyList<ZebraClue> clues)
    {
        var full = (1 << houses) - 1;
        bool changed;
        do
        {
            var before = Total(domain);
            foreach (var clue in clues)
                if (!clue.Narrow(domain, full))
                    return false;
            for (var a = 0; a < attributes; a++)
            {
                var start = a * houses;
                for (var v = 0; v < houses; v++)
                {
                    var d = domain[start + v];
                    if (d == 0)
                        return false;
                    if (int.PopCount(d) == 1)
                        for (var w = 0; w < houses; w++)
                            if (w != v)
                                domain[start + w] &= ~d;
                }
                for (var h = 0; h < houses; h++)
                {
                    var bit = 1 << h;
                    int holder = -1, count = 0;
                    for (var v = 0; v < houses; v++)
                        if ((domain[start + v] & bit) != 0)
                        {
                            holder = v;
                            count++;
                        }
                    if (count == 0)
                        return false;
                    if (count == 1)
                        domain[start + holder] = bit;
                }
            }
            // Domains only ever lose houses, so an unchanged total means nothing changed.
            changed = Total(domain) != before;
        }
        while (changed);
        return true;
    }
}
