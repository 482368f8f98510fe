using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.RushHour;

/// <summary>
/// Rush Hour on a 6x6 board: slide cars (length 2) and trucks (length 3) along their lanes until the red car X exits
/// on the right of row 3. An instance lays vehicles out at random with X already at the exit, enumerates the whole
/// connected component by BFS, and starts from a position whose distance to the nearest solved position is in the
/// level's range (more vehicles and deeper at higher levels); its optimum is therefore exact.
/// </summary>
public sealed class RushHourFamily : ILogicFamily
{
    private sealed record LevelSpec(int Vehicles, int MinMoves, int MaxMoves, int PoolSize);

    private static readonly LevelSpec[] Levels =
        [new(4, 2, 4, 64), new(6, 4, 7, 32), new(8, 7, 11, 16), new(10, 10, 15, 8), new(12, 14, 60, 4)];

    private const int AttemptsPerComponent = 400;
    private const int MaxComponent = 300_000;

    private sealed record Component(RushHourSolver Solver, Dictionary<ulong, int> Dist, List<ulong> Starts);

    // Deep positions are rare among random layouts (a level-5 one takes seconds to find), so each level draws from a
    // pool of components found once per process from a fixed seed: generation stays a pure function of the rng.
    private static readonly Lazy<List<Component>>[] Pools = Levels
        .Select((spec, i) => new Lazy<List<Component>>(() => FindComponents(new SeededRandom(0x7275736868UL + (ulong)i), spec))).ToArray();

    public string Name => "rush_hour";

    public string Description => "Rush Hour 6x6 traffic puzzle: free the red car in the fewest moves; checked by simulation";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var pool = Pools[Math.Clamp(difficulty, 1, Levels.Length) - 1].Value;
        var component = rng.Pick(pool);
        return Build(component.Solver, rng.Pick(component.Starts), component.Dist);
    }

    private static List<Component> FindComponents(SeededRandom rng, LevelSpec spec)
    {
        var found = new List<Component>();
        Component? fallback = null;
        var fallbackDistance = 0;
        for (var attempt = 0; found.Count < spec.PoolSize
             && (attempt < AttemptsPerComponent * spec.PoolSize || (found.Count == 0 && fallback is null)); attempt++)
        {
            var layout = RandomSolvedLayout(rng, spec.Vehicles);
            if (layout is null)
                continue;
            var (solver, solved) = layout.Value;
            var component = StateSearch.Distances([solved], solver.Expand, MaxComponent);
            if (component is null)
                continue;
            var dist = StateSearch.Distances(component.Keys.Where(RushHourSolver.Solved), solver.Expand, MaxComponent)!;
            var inRange = dist.Where(kv => kv.Value >= spec.MinMoves && kv.Value <= spec.MaxMoves).Select(kv => kv.Key).ToList();
            if (inRange.Count > 0)
            {
                found.Add(new Component(solver, dist, inRange));
                continue;
            }
            var deepest = dist.MaxBy(kv => kv.Value);
            if (deepest.Value > fallbackDistance)
                (fallback, fallbackDistance) = (new Component(solver, dist, [deepest.Key]), deepest.Value);
        }
        return found.Count > 0 ? found : [fallback!];
    }

    public LogicCheck Check(JsonObject instance, string response) => RushHourChecker.Check(instance, response);

    private static (RushHourSolver, ulong)? RandomSolvedLayout(SeededRandom rng, int count)
    {
        var vehicles = new List<Vehicle> { new(true, RushHourSolver.ExitRow, 2) };
        var offsets = new List<int> { RushHourSolver.GoalOffset };
        var occ = new RushHourSolver(vehicles).Cover(0, RushHourSolver.GoalOffset);
        for (var tries = 0; vehicles.Count < count && tries < 200; tries++)
        {
            // Only vertical vehicles cross the exit row, so that X's lane is blocked by things that can move away.
            var v = new Vehicle(rng.Chance(0.5), rng.Next(0, RushHourSolver.Size - 1), rng.Chance(0.3) ? 3 : 2);
            if (v.Horizontal && v.Lane == RushHourSolver.ExitRow)
                continue;
            var offset = rng.Next(0, RushHourSolver.Size - v.Length);
            var cover = new RushHourSolver([.. vehicles, v]).Cover(vehicles.Count, offset);
            if ((cover & occ) != 0)
                continue;
            vehicles.Add(v);
            offsets.Add(offset);
            occ |= cover;
        }
        if (vehicles.Count < count)
            return null;
        ulong state = 0;
        for (var i = 0; i < offsets.Count; i++)
            state = RushHourSolver.With(state, i, offsets[i]);
        return (new RushHourSolver(vehicles), state);
    }

    private static LogicPuzzle Build(RushHourSolver solver, ulong start, Dictionary<ulong, int> dist)
    {
        var n = RushHourSolver.Size;
        var labels = Enumerable.Range(0, solver.Vehicles.Count).Select(i => i == 0 ? 'X' : (char)('A' + i - 1)).ToArray();
        var grid = Enumerable.Repeat('.', n * n).ToArray();
        for (var i = 0; i < solver.Vehicles.Count; i++)
        {
            var cover = solver.Cover(i, RushHourSolver.Offset(start, i));
            for (var cell = 0; cell < n * n; cell++)
                if ((cover >> cell & 1) != 0)
                    grid[cell] = labels[i];
        }
        var rows = Enumerable.Range(0, n).Select(r => new string(grid, r * n, n)).ToArray();
        var moves = StateSearch.Descend(start, dist, solver.Expand).Select(m =>
        {
            var (vehicle, delta) = RushHourSolver.DecodeMove(m.Move);
            return PieceMoveParser.Format(labels[vehicle], RushHourSolver.DirectionOf(solver.Vehicles[vehicle], delta), Math.Abs(delta));
        }).ToList();
        var instance = new JsonObject
        {
            ["family"] = "rush_hour",
            ["board"] = InstanceFields.Array(rows),
            ["optimal"] = moves.Count,
        };
        var prompt = new StringBuilder()
            .AppendLine("Rush Hour. The 6x6 parking lot below shows each vehicle as a letter over the cells it covers; '.' is empty "
                + "(row 1 is the top). X is the red car; the exit is on the right edge of row 3:")
            .AppendLine("```").AppendLine(string.Join('\n', rows)).AppendLine("```")
            .AppendLine("A move slides one vehicle forwards or backwards along its own direction (horizontal vehicles left/right, "
                + "vertical vehicles up/down) by one or more cells through empty cells; sliding several cells at once counts "
                + "as ONE move. Goal: X occupies the two rightmost cells of row 3. Find a solution with the fewest possible moves.")
            .AppendLine("Answer format: one move per line as `vehicle direction steps` (for example `A down 2` or `X right 1`), "
                + "inside a final fenced code block (```).")
            .ToString();
        var reference = $"X exits in {moves.Count} moves (the minimum, by breadth-first search).\n" + LogicAnswer.Fenced(string.Join('\n', moves));
        return new LogicPuzzle(prompt, instance, reference);
    }
}
