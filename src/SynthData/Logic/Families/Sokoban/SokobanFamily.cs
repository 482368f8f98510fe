using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.Sokoban;

/// <summary>
/// Small Sokoban rooms. An instance starts from the solved position (boxes on goals) and walks backwards: the player
/// steps or pulls a box behind it, which is a push in reverse, so the scrambled position is always solvable. A
/// forward BFS over (boxes, player) then finds the shortest solution in player steps. Levels grow the room, the
/// number of boxes and the scramble.
/// </summary>
public sealed class SokobanFamily : ILogicFamily
{
    private sealed record LevelSpec(int Width, int Height, int Boxes, int InnerWalls, int Walk, int MinMoves);

    private static readonly LevelSpec[] Levels =
    [
        new(5, 5, 1, 0, 12, 3), new(6, 6, 1, 2, 25, 7), new(6, 6, 2, 2, 40, 12), new(7, 7, 2, 4, 60, 18), new(7, 7, 3, 4, 80, 24),
    ];

    private const int MaxStates = 400_000;

    public string Name => "sokoban";

    public string Description => "Sokoban: push every box onto a goal in the fewest steps (U/D/L/R), checked by simulation";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var spec = Levels[Math.Clamp(difficulty, 1, Levels.Length) - 1];
        (SokobanRoom Room, List<int> Moves)? best = null;
        for (var attempt = 0; attempt < 30 || best is null; attempt++)
        {
            var room = Scramble(rng, spec);
            if (room is null)
                continue;
            var moves = StateSearch.ShortestPath(SokobanRoom.Pack(room.StartBoxes, room.StartPlayer),
                s => (SokobanRoom.Unpack(s).Boxes & ~room.Goals) == 0, room.Expand, MaxStates);
            if (moves is null || moves.Count == 0)
                continue;
            if (best is null || moves.Count > best.Value.Moves.Count)
                best = (room, moves);
            if (moves.Count >= spec.MinMoves)
                break;
        }
        var (r, path) = best!.Value;
        var rows = r.Draw(r.StartBoxes, r.StartPlayer);
        var answer = MoveLetters.Format(path.Select(m => (Direction)m));
        var instance = new JsonObject { ["family"] = "sokoban", ["room"] = InstanceFields.Array(rows), ["optimal"] = path.Count };
        var prompt = new StringBuilder()
            .AppendLine("Sokoban. In the room below '#' is a wall, '-' floor, '.' a goal, '$' a box, '*' a box on a goal, "
                + "'@' you (the player) and '+' you standing on a goal (row 1 is the top):")
            .AppendLine("```").AppendLine(string.Join('\n', rows)).AppendLine("```")
            .AppendLine("Each step moves you one cell up (U), down (D), left (L) or right (R). Walking into a box pushes it one "
                + "cell further if that cell is floor or a goal; you cannot pull boxes, push two boxes at once or walk "
                + "through walls. Goal: every box on a goal. Find a solution with the fewest possible steps.")
            .AppendLine("Answer format: the steps as one string of the letters U, D, L, R (for example `RRUL`), "
                + "inside a final fenced code block (```).")
            .ToString();
        var reference = $"Every box is on a goal after {path.Count} steps (the minimum, by breadth-first search).\n" + LogicAnswer.Fenced(answer);
        return new LogicPuzzle(prompt, instance, reference);
    }

    public LogicCheck Check(JsonObject instance, string response) => SokobanChecker.Check(instance, response);

    /// <summary>A room with boxes pulled away from their goals by a random reverse walk, or null for a bad draw.</summary>
    private static SokobanRoom? Scramble(SeededRandom rng, LevelSpec spec)
    {
        var (w, h) = (spec.Width, spec.Height);
        ulong walls = 0;
        for (var i = 0; i < w * h; i++)
            if (i / w == 0 || i / w == h - 1 || i % w == 0 || i % w == w - 1)
                walls |= 1UL << i;
        var interior = Enumerable.Range(0, w * h).Where(i => (walls & (1UL << i)) == 0).ToList();
        rng.Shuffle(interior);
        foreach (var cell in interior.Take(spec.InnerWalls))
            walls |= 1UL << cell;
        var open = interior.Skip(spec.InnerWalls).ToList();
        if (!Connected(w, h, walls, open))
            return null;
        ulong goals = 0;
        foreach (var cell in open.Take(spec.Boxes))
            goals |= 1UL << cell;
        var boxes = goals;
        var player = open[spec.Boxes];
        var room = new SokobanRoom(w, h, walls, goals, boxes, player);
        for (var step = 0; step < spec.Walk; step++)
        {
            var d = Directions.All[rng.Next(0, 3)];
            var to = room.Step(player, d);
            if (!room.Free(to, boxes))
                continue;
            var behind = room.Step(player, d.Opposite());
            if (behind >= 0 && (boxes & (1UL << behind)) != 0 && rng.Chance(0.75))
                boxes = (boxes & ~(1UL << behind)) | (1UL << player); // pull: the box follows the player
            player = to;
        }
        return (boxes & ~goals) == 0 ? null : new SokobanRoom(w, h, walls, goals, boxes, player);
    }

    private static bool Connected(int w, int h, ulong walls, List<int> open)
    {
        var seen = new HashSet<int> { open[0] };
        var queue = new Queue<int>([open[0]]);
        while (queue.Count > 0)
        {
            var cell = queue.Dequeue();
            foreach (var next in new[] { cell - w, cell + w, cell % w > 0 ? cell - 1 : -1, cell % w < w - 1 ? cell + 1 : -1 })
                if (next >= 0 && next < w * h && (walls & (1UL << next)) == 0 && seen.Add(next))
                    queue.Enqueue(next);
        }
        return seen.Count == open.Count;
    }
}
