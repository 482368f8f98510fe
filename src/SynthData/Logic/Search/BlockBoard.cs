
namespace SynthData.Logic.Search;

/// <summary>One rectangular block: its label in the drawing, top-left cell and size.</summary>
public sealed record Block(char Label, int Row, int Col, int Height, int Width);

/// <summary>
/// A labelled board of rectangular blocks (Klotski, Rush Hour) as the prompt draws it: rows of piece letters, '.' for an empty cell. Parsing checks that
/// every label covers a filled rectangle; sliding checks every cell a piece passes through.
/// </summary>
public sealed class BlockBoard
{
    public const char Empty = '.';

    private readonly char[,] _cells;

    public int Width { get; }

    public int Height { get; }

    public Dictionary<char, Block> Pieces { get; }

    private BlockBoard(char[,] cells, Dictionary<char, Block> pieces)
    {
        _cells = cells;
        Height = cells.GetLength(0);
        Width = cells.GetLength(1);
        Pieces = pieces;
    }

    /// <summary>Parses the drawing; throws <see cref="LogicInstanceException"/> naming <paramref name="field"/>.</summary>
    public static BlockBoard Parse(IReadOnlyList<string> rows, string field)
    {
        if (rows.Count is < 2 or > 8 || rows.Any(r => r.Length != rows[0].Length) || rows[0].Length is < 2 or > 8)
            throw new LogicInstanceException(field, "2 to 8 rows of equal length 2 to 8");
        var cells = new char[rows.Count, rows[0].Length];
        var bounds = new Dictionary<char, (int R0, int C0, int R1, int C1, int Count)>();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[0].Length; c++)
            {
                var ch = rows[r][c];
                cells[r, c] = ch;
                if (ch == Empty)
                    continue;
                if (!char.IsAsciiLetterUpper(ch))
                    throw new LogicInstanceException(field, "upper-case piece letters and '.' for empty cells");
                bounds[ch] = bounds.TryGetValue(ch, out var b)
                    ? (Math.Min(b.R0, r), Math.Min(b.C0, c), Math.Max(b.R1, r), Math.Max(b.C1, c), b.Count + 1)
                    : (r, c, r, c, 1);
            }
        }
        var pieces = new Dictionary<char, Block>();
        foreach (var (label, b) in bounds)
        {
            var (h, w) = (b.R1 - b.R0 + 1, b.C1 - b.C0 + 1);
            if (h * w != b.Count)
                throw new LogicInstanceException(field, $"piece {label} to cover a filled rectangle");
            pieces[label] = new Block(label, b.R0, b.C0, h, w);
        }
        return new BlockBoard(cells, pieces);
    }

    /// <summary>Slides <paramref name="label"/> by <paramref name="steps"/> cells; null on success, else why not.</summary>
    public string? Slide(char label, Direction direction, int steps)
    {
        if (!Pieces.TryGetValue(label, out var p))
            return $"there is no piece {label}";
        for (var s = 0; s < steps; s++)
        {
            var (r, c) = (p.Row + direction.DRow(), p.Col + direction.DCol());
            if (r < 0 || c < 0 || r + p.Height > Height || c + p.Width > Width)
                return $"piece {label} cannot move {direction.Word()}: it would leave the board";
            for (var i = r; i < r + p.Height; i++)
                for (var j = c; j < c + p.Width; j++)
                    if (_cells[i, j] != Empty && _cells[i, j] != label)
                        return $"piece {label} cannot move {direction.Word()}: piece {_cells[i, j]} is in the way";
            for (var i = p.Row; i < p.Row + p.Height; i++)
                for (var j = p.Col; j < p.Col + p.Width; j++)
                    _cells[i, j] = Empty;
            for (var i = r; i < r + p.Height; i++)
                for (var j = c; j < c + p.Width; j++)
                    _cells[i, j] = label;
            p = p with { Row = r, Col = c };
            Pieces[label] = p;
        }
        return null;
    }

    public char At(int row, int col) => _cells[row, col];
}
