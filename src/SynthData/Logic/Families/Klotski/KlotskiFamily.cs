using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.Klotski;

/// <summary>
/// Klotski (华容道): slide rectangular blocks until the 2x2 block A reaches the exit at the bottom edge. Levels 4 and 5 use
/// the classic 4x5 board and piece set (one 2x2, four 2x1, one 1x2, four 1x1); lower levels use smaller boards and
/// simpler sets; level 5 starts deeper. An instance is made by laying the pieces out at random with A already on the exit, enumerating that
/// position's whole connected component by BFS, and then starting from a position whose distance to the nearest
/// solved position lies in the level's range; so every instance is solvable and its optimum is known exactly.
/// </summary>
public sealed class KlotskiFamily : ILogicFamily
{
    private sealed record LevelSpec(int Width, int Height, int Vertical, int Horizontal, int Singles, int MinMoves, int MaxMoves);

    private static readonly LevelSpec[] Levels =
    [
        new(3, 4, 1, 1, 2, 3, 6),
        new(4, 4, 2, 2, 2, 6, 12),
        new(4, 5, 4, 2, 2, 12, 25),
        new(4, 5, 4, 1, 4, 25, 45),
        new(4, 5, 4, 1, 4, 45, 140),
    ];

    private const int MaxComponent = 200_000;
    private const int Attempts = 60;

    public string Name => "klotski";

    public string Description => "Klotski sliding blocks (华容道): move the 2x2 block to the exit in the fewest moves; checked by simulation";

    // Levels 2-5 draw from a few components enumerated once per process (from fixed seeds, so still deterministic):
    // enumerating a 4x5 component costs tens of milliseconds, and one holds thousands of distinct starting positions.
    private const int PooledFromLevel = 2;
    private const int PoolComponents = 6;

    private static readonly Lazy<List<Component>>[] Pools = Levels
        .Select((spec, i) => new Lazy<List<Component>>(() => BuildPool(spec, i + 1))).ToArray();

    private sealed record Component(Dictionary<ulong, int> Dist, List<ulong> Starts);

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var level = Math.Clamp(difficulty, 1, Levels.Length);
        var spec = Levels[level - 1];
        var solver = new KlotskiSolver(spec.Width, spec.Height);
        var component = level >= PooledFromLevel
            ? rng.Pick(Pools[level - 1].Value)
            : FindComponents(rng, solver, spec, 1)[0];
        return Build(solver, spec, TargetCell(spec), rng.Pick(component.Starts), component.Dist);
    }

    private static int TargetCell(LevelSpec spec) => (spec.Height - 2) * spec.Width + (spec.Width - 2) / 2;

    private static List<Component> BuildPool(LevelSpec spec, int level) =>
        FindComponents(new SeededRandom(0x6B6C6F74736B69UL + (ulong)level), new KlotskiSolver(spec.Width, spec.Height), spec, PoolComponents);

    /// <summary>
    /// Up to <paramref name="wanted"/> components holding positions whose optimum lies in the level's range; when
    /// none is found within the attempts, the single deepest position seen below the range (never empty).
    /// </summary>
    private static List<Component> FindComponents(SeededRandom rng, KlotskiSolver solver, LevelSpec spec, int wanted)
    {
        var targetCell = TargetCell(spec);
        var found = new List<Component>();
        Component? fallback = null;
        var fallbackDistance = 0;
        for (var attempt = 0; found.Count < wanted && (attempt < Attempts * wanted || (found.Count == 0 && fallback is null)); attempt++)
        {
            var solved = RandomSolvedLayout(rng, solver, spec, targetCell);
            if (solved is null)
                continue;
            var component = StateSearch.Distances([solved.Value], solver.Expand, MaxComponent);
            if (component is null)
                continue;
            var goals = component.Keys.Where(s => KlotskiSolver.ShapeAt(s, targetCell) == KlotskiSolver.Big).ToList();
            var dist = StateSearch.Distances(goals, solver.Expand, MaxComponent)!;
            var inRange = dist.Where(kv => kv.Value >= spec.MinMoves && kv.Value <= spec.MaxMoves).Select(kv => kv.Key).ToList();
            if (inRange.Count > 0)
            {
                found.Add(new Component(dist, inRange));
                continue;
            }
            // Nothing that deep in this component: remember its deepest position in case no component has one.
            var deepest = dist.Where(kv => kv.Value <= spec.MaxMoves).MaxBy(kv => kv.Value);
            if (deepest.Value > fallbackDistance)
                (fallback, fallbackDistance) = (new Component(dist, [deepest.Key]), deepest.Value);
        }
        return found.Count > 0 ? found : [fallback!];
    }

    public LogicCheck Check(JsonObject instance, string response) => KlotskiChecker.Check(instance, response);

    private static ulong? RandomSolvedLayout(SeededRandom rng, KlotskiSolver solver, LevelSpec spec, int targetCell)
    {
        var state = KlotskiSolver.Place(0, targetCell, KlotskiSolver.Big);
        var occ = solver.Cover(KlotskiSolver.Big, targetCell);
        var shapes = Enumerable.Repeat(KlotskiSolver.Vertical, spec.Vertical)
            .Concat(Enumerable.Repeat(KlotskiSolver.Horizontal, spec.Horizontal))
            .Concat(Enumerable.Repeat(KlotskiSolver.Single, spec.Singles)).ToList();
        rng.Shuffle(shapes);
        foreach (var shape in shapes)
        {
            var fits = Enumerable.Range(0, spec.Width * spec.Height)
                .Where(cell => solver.Cover(shape, cell) != 0 && (solver.Cover(shape, cell) & occ) == 0).ToList();
            if (fits.Count == 0)
                return null;
            var at = fits[rng.Next(0, fits.Count - 1)];
            state = KlotskiSolver.Place(state, at, shape);
            occ |= solver.Cover(shape, at);
        }
        return state;
    }

    private static LogicPuzzle Build(KlotskiSolver solver, LevelSpec spec, int targetCell, ulong start, Dictionary<ulong, int> dist)
    {
        var rows = Label(solver, spec, start);
        var board = BlockBoard.Parse(rows, "board");
        var moves = new List<string>();
        foreach (var (code, _) in StateSearch.Descend(start, dist, solver.Expand))
        {
            var (cell, dir, steps) = KlotskiSolver.DecodeMove(code);
            var label = board.At(cell / spec.Width, cell % spec.Width);
            if (board.Slide(label, dir, steps) is { } error)
                throw new InvalidOperationException("reference move does not replay: " + error);
            moves.Add(PieceMoveParser.Format(label, dir, steps));
        }
        var (tr, tc) = (targetCell / spec.Width, targetCell % spec.Width);
        var instance = new JsonObject
        {
            ["family"] = "klotski",
            ["board"] = InstanceFields.Array(rows),
            ["target"] = InstanceFields.Array([tr, tc]),
            ["optimal"] = moves.Count,
        };
        var prompt = new StringBuilder()
            .AppendLine("Klotski (sliding blocks). The board has " + spec.Height + " rows and " + spec.Width
                + " columns. Each letter marks the cells of one rectangular block and '.' is an empty cell (row 1 is the top):")
            .AppendLine("```")
            .AppendLine(string.Join('\n', rows))
            .AppendLine("```")
            .AppendLine("A move slides one block up, down, left or right in a straight line by one or more cells, "
                + "through empty cells only; blocks never leave the board, rotate or pass through each other. "
                + "Sliding one block several cells in the same direction counts as ONE move.")
            .AppendLine($"Goal: block A (2x2) must reach the exit at the bottom edge, i.e. occupy rows {tr + 1}-{tr + 2} and "
                + $"columns {tc + 1}-{tc + 2}. Find a solution with the fewest possible moves.")
            .AppendLine("Answer format: one move per line as `piece direction` or `piece direction steps` "
                + "(for example `B down` or `C left 2`), inside a final fenced code block (```).")
            .ToString();
        var reference = $"Block A reaches the exit in {moves.Count} moves (the minimum, by breadth-first search).\n"
            + LogicAnswer.Fenced(string.Join('\n', moves));
        return new LogicPuzzle(prompt, instance, reference);
    }

    /// <summary>Draws a position: A for the 2x2 block, then B, C, ... for the other blocks in reading order.</summary>
    private static string[] Label(KlotskiSolver solver, LevelSpec spec, ulong state)
    {
        var grid = new char[spec.Height, spec.Width];
        for (var r = 0; r < spec.Height; r++)
            for (var c = 0; c < spec.Width; c++)
                grid[r, c] = BlockBoard.Empty;
        var next = 'B';
        for (var cell = 0; cell < spec.Width * spec.Height; cell++)
        {
            var shape = KlotskiSolver.ShapeAt(state, cell);
            if (shape == 0)
                continue;
            var label = shape == KlotskiSolver.Big ? 'A' : next++;
            var cover = solver.Cover(shape, cell);
            for (var i = 0; i < spec.Width * spec.Height; i++)
                if ((cover >> i & 1) != 0)
                    grid[i / spec.Width, i % spec.Width] = label;
        }
        return Enumerable.Range(0, spec.Height)
            .Select(r => new string(Enumerable.Range(0, spec.Width).Select(c => grid[r, c]).ToArray())).ToArray();
    }
}
