namespace SynthData.Logic.Families.WaterJugs;

/// <summary>One step: fill jug A, empty jug A, or pour jug A into jug B (until A is empty or B is full).</summary>
public readonly record struct JugStep(JugAction Action, int Jug, int Into)
{
    public override string ToString() => Action switch
    {
        JugAction.Fill => $"fill {Name(Jug)}",
        JugAction.Empty => $"empty {Name(Jug)}",
        _ => $"pour {Name(Jug)} {Name(Into)}",
    };

    public static char Name(int jug) => (char)('A' + jug);
}

public enum JugAction
{
    Fill,
    Empty,
    Pour,
}

/// <summary>
/// The water-jug puzzle: contents packed 8 bits per jug into a ulong; breadth-first search from all-empty (fills and
/// empties are not reversible, so search runs forwards with parent links).
/// </summary>
public sealed class WaterJugsSolver(int[] capacities)
{
    public int[] Capacities { get; } = capacities;

    public static int Content(ulong state, int jug) => (int)((state >> (8 * jug)) & 0xFF);

    public static ulong With(ulong state, int jug, int amount) => (state & ~(0xFFUL << (8 * jug))) | ((ulong)amount << (8 * jug));

    public ulong Apply(ulong state, JugStep step)
    {
        var a = Content(state, step.Jug);
        switch (step.Action)
        {
            case JugAction.Fill:
                return With(state, step.Jug, Capacities[step.Jug]);
            case JugAction.Empty:
                return With(state, step.Jug, 0);
            default:
                var b = Content(state, step.Into);
                var amount = Math.Min(a, Capacities[step.Into] - b);
                return With(With(state, step.Jug, a - amount), step.Into, b + amount);
        }
    }

    public IEnumerable<JugStep> Steps()
    {
        for (var j = 0; j < Capacities.Length; j++)
        {
            yield return new JugStep(JugAction.Fill, j, j);
            yield return new JugStep(JugAction.Empty, j, j);
            for (var k = 0; k < Capacities.Length; k++)
                if (k != j)
                    yield return new JugStep(JugAction.Pour, j, k);
        }
    }

    public bool Holds(ulong state, int target)
    {
        for (var j = 0; j < Capacities.Length; j++)
            if (Content(state, j) == target)
                return true;
        return false;
    }

    /// <summary>For every amount, the fewest steps after which some jug holds exactly it (absent = unreachable).</summary>
    public Dictionary<int, int> FewestStepsPerAmount()
    {
        var steps = Steps().ToList();
        var dist = new Dictionary<ulong, int> { [0] = 0 };
        var queue = new Queue<ulong>([0UL]);
        var best = new Dictionary<int, int>();
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            for (var j = 0; j < Capacities.Length; j++)
                best.TryAdd(Content(s, j), dist[s]);
            foreach (var step in steps)
            {
                var next = Apply(s, step);
                if (dist.TryAdd(next, dist[s] + 1))
                    queue.Enqueue(next);
            }
        }
        return best;
    }

    public List<JugStep> Solve(int target)
    {
        var steps = Steps().ToList();
        var path = Search.StateSearch.ShortestPath(0, s => Holds(s, target),
            (s, successors) => { for (var i = 0; i < steps.Count; i++) successors.Add((Apply(s, steps[i]), i)); }, 10_000_000)
            ?? throw new InvalidOperationException($"{target} is not reachable");
        return path.Select(i => steps[i]).ToList();
    }
}
