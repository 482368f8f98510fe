namespace SynthData.Logic.Families.Sat;

/// <summary>
/// A small DPLL solver (unit propagation, then branching on the first unassigned variable) for the instance sizes
/// here (at most a few dozen variables). Literals are +v / -v with variables numbered from 1.
/// </summary>
internal static class SatSolver
{
    public static bool[]? Solve(int variables, IReadOnlyList<int[]> clauses)
    {
        var value = new int[variables + 1]; // 0 unassigned, 1 true, -1 false
        return Search(value, clauses) ? value.Skip(1).Select(v => v > 0).ToArray() : null;
    }

    private static bool Search(int[] value, IReadOnlyList<int[]> clauses)
    {
        var trail = new List<int>();
        bool progress;
        do
        {
            progress = false;
            foreach (var clause in clauses)
            {
                int open = 0, last = 0;
                var satisfied = false;
                foreach (var lit in clause)
                {
                    var v = value[Math.Abs(lit)];
                    if (v == 0)
                    {
                        open++;
                        last = lit;
                    }
                    else if ((v > 0) == (lit > 0))
                    {
                        satisfied = true;
                        break;
                    }
                }
                if (satisfied)
                    continue;
                if (open == 0)
                {
                    Undo(value, trail);
                    return false;
                }
                if (open == 1)
                {
                    value[Math.Abs(last)] = last > 0 ? 1 : -1;
                    trail.Add(Math.Abs(last));
                    progress = true;
                }
            }
        }
        while (progress);
        var branch = Array.IndexOf(value, 0, 1);
        if (branch < 0)
            return true;
        foreach (var choice in new[] { 1, -1 })
        {
            value[branch] = choice;
            if (Search(value, clauses))
                return true;
        }
        value[branch] = 0;
        Undo(value, trail);
        return false;
    }

    private static void Undo(int[] value, List<int> trail)
    {
        foreach (var v in trail)
            value[v] = 0;
    }
}
