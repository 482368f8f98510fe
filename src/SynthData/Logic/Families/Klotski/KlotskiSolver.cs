using SynthData.Logic.Search;

namespace SynthData.Logic.Families.Klotski;

/// <summary>
/// Breadth-first search over Klotski positions with pieces of the same shape treated as identical (labels do not
/// matter for the goal, and merging them shrinks the classic board to about 25,000 positions). A position is one
/// ulong: 3 bits per cell holding the shape whose top-left corner is there (0 = none), which determines the occupancy.
/// A move slides one piece 1 or more cells in a straight line and counts as one move.
/// </summary>
public sealed class KlotskiSolver
{
    public const int Big = 1, Vertical = 2, Horizontal = 3, Single = 4;

    private static readonly (int H, int W)[] Sizes = [(0, 0), (2, 2), (2, 1), (1, 2), (1, 1)];

    private readonly int _width, _height;
    private readonly ulong[,] _cover; // [shape, cell] -> occupied cells, 0 when the shape does not fit there

    public KlotskiSolver(int width, int height)
    {
        if (width * height > 21)
            throw new ArgumentOutOfRangeException(nameof(width), "at most 21 cells fit 3 bits each in a ulong");
        (_width, _height) = (width, height);
        _cover = new ulong[5, width * height];
        for (var shape = 1; shape <= 4; shape++)
        {
            for (var cell = 0; cell < width * height; cell++)
            {
                var (r, c) = (cell / width, cell % width);
                var (h, w) = Sizes[shape];
                if (r + h > height || c + w > width)
                    continue;
                ulong mask = 0;
                for (var i = r; i < r + h; i++)
                    for (var j = c; j < c + w; j++)
                        mask |= 1UL << (i * width + j);
                _cover[shape, cell] = mask;
            }
        }
    }

    public static int ShapeOf(int height, int width) => (height, width) switch
    {
        (2, 2) => Big,
        (2, 1) => Vertical,
        (1, 2) => Horizontal,
        (1, 1) => Single,
        _ => 0,
    };

    public static int ShapeAt(ulong state, int cell) => (int)((state >> (3 * cell)) & 7);

    public static ulong Place(ulong state, int cell, int shape) => state | ((ulong)shape << (3 * cell));

    public ulong Occupancy(ulong state)
    {
        ulong occ = 0;
        for (var cell = 0; cell < _width * _height; cell++)
        {
            var shape = ShapeAt(state, cell);
            if (shape != 0)
                occ |= _cover[shape, cell];
        }
        return occ;
    }

    public ulong Cover(int shape, int cell) => _cover[shape, cell];

    public static int MoveCode(int cell, Direction d, int steps) => (cell << 5) | ((int)d << 3) | steps;

    public static (int Cell, Direction Dir, int Steps) DecodeMove(int code) => (code >> 5, (Direction)((code >> 3) & 3), code & 7);

    public void Expand(ulong state, List<(ulong Next, int Move)> successors)
    {
        var occ = Occupancy(state);
        for (var cell = 0; cell < _width * _height; cell++)
        {
            var shape = ShapeAt(state, cell);
            if (shape == 0)
                continue;
            var others = occ & ~_cover[shape, cell];
            var without = state & ~(7UL << (3 * cell));
            var (r, c) = (cell / _width, cell % _width);
            foreach (var d in Directions.All)
            {
                for (var s = 1; ; s++)
                {
                    var (nr, nc) = (r + d.DRow() * s, c + d.DCol() * s);
                    if (nr < 0 || nc < 0 || nr >= _height || nc >= _width)
                        break;
                    var to = nr * _width + nc;
                    var mask = _cover[shape, to];
                    if (mask == 0 || (mask & others) != 0)
                        break;
                    successors.Add((Place(without, to, shape), MoveCode(cell, d, s)));
                }
            }
        }
    }
}
