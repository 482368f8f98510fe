using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.SlidingPuzzle;

/// <summary>
/// The 8-puzzle (levels 1-3) and 15-puzzle (levels 4-5): scramble the solved board by a random walk of the blank
/// (so it is solvable), then solve it optimally with IDA*; a scramble whose optimum falls short of the level's minimum
/// (or over the solver budget) is drawn again.
/// </summary>
public sealed class SlidingPuzzleFamily : ILogicFamily
{
    private sealed record LevelSpec(int Size, int Walk, int MinMoves);

    private static readonly LevelSpec[] Levels = [new(3, 8, 4), new(3, 16, 8), new(3, 40, 14), new(4, 24, 12), new(4, 40, 18)];

    private const long NodeBudget = 150_000;

    public string Name => "sliding_puzzle";

    public string Description => "8-puzzle and 15-puzzle: slide tiles into the empty square to order them in the fewest moves";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var spec = Levels[Math.Clamp(difficulty, 1, Levels.Length) - 1];
        var n = spec.Size;
        (int[] Tiles, List<int> Moves)? best = null;
        for (var attempt = 0; attempt < 50 || best is null; attempt++)
        {
            var tiles = Scramble(rng, n, spec.Walk);
            var moves = SlidingPuzzleSolver.Solve(tiles, n, NodeBudget);
            if (moves is null || moves.Count == 0)
                continue;
            if (best is null || moves.Count > best.Value.Moves.Count)
                best = (tiles, moves);
            if (moves.Count >= spec.MinMoves)
                break;
        }
        return Build(n, best!.Value.Tiles, best.Value.Moves);
    }

    public LogicCheck Check(JsonObject instance, string response) => SlidingPuzzleChecker.Check(instance, response);

    private static int[] Scramble(SeededRandom rng, int n, int walk)
    {
        var tiles = Enumerable.Range(1, n * n).Select(t => t % (n * n)).ToArray();
        var blank = n * n - 1;
        var previous = -1;
        for (var step = 0; step < walk; step++)
        {
            var options = Directions.All
                .Select(d => (R: blank / n + d.DRow(), C: blank % n + d.DCol()))
                .Where(p => p.R >= 0 && p.C >= 0 && p.R < n && p.C < n && p.R * n + p.C != previous)
                .Select(p => p.R * n + p.C).ToList();
            var to = options[rng.Next(0, options.Count - 1)];
            (tiles[blank], tiles[to]) = (tiles[to], tiles[blank]);
            (previous, blank) = (blank, to);
        }
        return tiles;
    }

    private static LogicPuzzle Build(int n, int[] tiles, List<int> moves)
    {
        var width = (n * n - 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        string Row(IEnumerable<int> row) => string.Join(' ', row.Select(t => (t == 0 ? "_" : t.ToString(System.Globalization.CultureInfo.InvariantCulture)).PadLeft(width)));
        var grid = string.Join('\n', Enumerable.Range(0, n).Select(r => Row(tiles.Skip(r * n).Take(n))));
        var goal = string.Join('\n', Enumerable.Range(0, n).Select(r => Row(Enumerable.Range(r * n + 1, n).Select(t => t % (n * n)))));
        var instance = new JsonObject
        {
            ["family"] = "sliding_puzzle",
            ["size"] = n,
            ["tiles"] = InstanceFields.Array(tiles),
            ["optimal"] = moves.Count,
        };
        var prompt = new StringBuilder()
            .AppendLine($"Sliding puzzle ({n * n - 1}-puzzle). The {n}x{n} board holds tiles 1-{n * n - 1} and one empty square (_):")
            .AppendLine("```").AppendLine(grid).AppendLine("```")
            .AppendLine("A move slides a tile that is orthogonally adjacent to the empty square into it. Reach this goal:")
            .AppendLine("```").AppendLine(goal).AppendLine("```")
            .AppendLine("Find a solution with the fewest possible moves.")
            .AppendLine("Answer format: the numbers of the tiles you slide, in order, separated by spaces (for example `6 3 2`), "
                + "inside a final fenced code block (```).")
            .ToString();
        var reference = $"Solved in {moves.Count} moves (the minimum, by IDA* search).\n" + LogicAnswer.Fenced(string.Join(' ', moves));
        return new LogicPuzzle(prompt, instance, reference);
    }
}
