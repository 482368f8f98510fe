using SynthData.Logic.Search;

namespace SynthData.Logic.Families.Sokoban;

/// <summary>
/// A Sokoban room in the usual text format ('#' wall, '-' floor, '.' goal, '$' box, '*' box on goal, '@' player,
/// '+' player on goal), at most 56 cells so that a position packs into one ulong: the box set as a bitmask in the low
/// 56 bits and the player's cell in the top 8.
/// </summary>
public sealed class SokobanRoom
{
    public const int MaxCells = 56;

    public int Width { get; }

    public int Height { get; }

    public ulong Walls { get; }

    public ulong Goals { get; }

    public ulong StartBoxes { get; }

    public int StartPlayer { get; }

    public SokobanRoom(int width, int height, ulong walls, ulong goals, ulong boxes, int player)
    {
        (Width, Height, Walls, Goals, StartBoxes, StartPlayer) = (width, height, walls, goals, boxes, player);
    }

    public static SokobanRoom Parse(IReadOnlyList<string> rows, string field)
    {
        if (rows.Count < 3 || rows.Any(r => r.Length != rows[0].Length) || rows[0].Length < 3 || rows.Count * rows[0].Length > MaxCells)
            throw new LogicInstanceException(field, $"equal rows, at most {MaxCells} cells");
        ulong walls = 0, goals = 0, boxes = 0;
        var player = -1;
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[0].Length; c++)
            {
                var bit = 1UL << (r * rows[0].Length + c);
                switch (rows[r][c])
                {
                    case '#': walls |= bit; break;
                    case '-': break;
                    case '.': goals |= bit; break;
                    case '$': boxes |= bit; break;
                    case '*': boxes |= bit; goals |= bit; break;
                    case '@' or '+':
                        if (player >= 0)
                            throw new LogicInstanceException(field, "exactly one player");
                        player = r * rows[0].Length + c;
                        if (rows[r][c] == '+')
                            goals |= bit;
                        break;
                    default: throw new LogicInstanceException(field, "only the characters # - . $ * @ +");
                }
            }
        }
        if (player < 0 || boxes == 0 || ulong.PopCount(boxes) != ulong.PopCount(goals))
            throw new LogicInstanceException(field, "one player and as many boxes as goals");
        for (var c = 0; c < rows[0].Length; c++)
            if (rows[0][c] != '#' || rows[^1][c] != '#')
                throw new LogicInstanceException(field, "a room enclosed by walls");
        if (rows.Any(r => r[0] != '#' || r[^1] != '#'))
            throw new LogicInstanceException(field, "a room enclosed by walls");
        return new SokobanRoom(rows[0].Length, rows.Count, walls, goals, boxes, player);
    }

    public string[] Draw(ulong boxes, int player) => Enumerable.Range(0, Height).Select(r => new string(Enumerable.Range(0, Width).Select(c =>
    {
        var i = r * Width + c;
        var bit = 1UL << i;
        var goal = (Goals & bit) != 0;
        return (Walls & bit) != 0 ? '#' : (boxes & bit) != 0 ? (goal ? '*' : '$') : i == player ? (goal ? '+' : '@') : goal ? '.' : '-';
    }).ToArray())).ToArray();

    public static ulong Pack(ulong boxes, int player) => boxes | ((ulong)player << MaxCells);

    public static (ulong Boxes, int Player) Unpack(ulong state) => (state & ((1UL << MaxCells) - 1), (int)(state >> MaxCells));

    /// <summary>The cell one step from <paramref name="cell"/> (walls enclose the room, so it never leaves it), or -1.</summary>
    public int Step(int cell, Direction d)
    {
        var (r, c) = (cell / Width + d.DRow(), cell % Width + d.DCol());
        return r < 0 || c < 0 || r >= Height || c >= Width ? -1 : r * Width + c;
    }

    public bool Free(int cell, ulong boxes) => cell >= 0 && ((Walls | boxes) & (1UL << cell)) == 0;

    /// <summary>One player step (pushing a box if there is one); null when the step is illegal.</summary>
    public ulong? Move(ulong boxes, int player, Direction d, out int newPlayer)
    {
        newPlayer = Step(player, d);
        if (newPlayer < 0 || (Walls & (1UL << newPlayer)) != 0)
            return null;
        if ((boxes & (1UL << newPlayer)) == 0)
            return boxes;
        var beyond = Step(newPlayer, d);
        if (!Free(beyond, boxes))
            return null;
        return (boxes & ~(1UL << newPlayer)) | (1UL << beyond);
    }

    public void Expand(ulong state, List<(ulong Next, int Move)> successors)
    {
        var (boxes, player) = Unpack(state);
        foreach (var d in Directions.All)
            if (Move(boxes, player, d, out var p) is { } next)
                successors.Add((Pack(next, p), (int)d));
    }
}
