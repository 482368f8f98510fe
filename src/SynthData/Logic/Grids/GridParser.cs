using System.Text.RegularExpressions;

namespace SynthData.Logic.Grids;

/// <summary>
/// Reads an R x C grid of cells from answer text, leniently on form: cells separated by spaces, commas, semicolons or
/// pipes, optional brackets and quotes, optional "Row 3:" labels, ruler lines such as "+---+---+" and prose lines with
/// no cell in them are skipped, and single-character cells may be written without separators ("1234"). The whole grid
/// on one line is read row by row. Strict on content: a line mixing cells with non-cells is an error.
/// </summary>
public static partial class GridParser
{
    private const int MaxChars = 100_000;
    private const int MaxLines = 1_000;

    /// <summary>Maps one token to a cell value, or null when the token is not a cell.</summary>
    public delegate int? CellReader(string token);

    public static int[][]? Parse(string? text, int rows, int cols, CellReader cell, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "no answer: expected the grid inside a final fenced code block";
            return null;
        }
        if (text.Length > MaxChars)
        {
            error = $"the answer is {text.Length} characters long; a {rows}x{cols} grid is far shorter";
            return null;
        }
        var lines = text.Split('\n');
        if (lines.Length > MaxLines)
        {
            error = $"the answer has {lines.Length} lines; expected {rows} grid rows";
            return null;
        }
        var lineCells = new List<List<int>>();
        var total = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripLabel(StripBrackets(lines[i]));
            if (IsRuler(line))
                continue;
            var cells = ReadLine(line, cell, out var bad);
            if (bad is not null)
            {
                if (cells.Count == 0)
                    continue; // a prose line ("Solution:"), not a row
                error = $"answer line {i + 1}: '{Shorten(bad)}' is not a cell value";
                return null;
            }
            if (cells.Count == 0)
                continue;
            total += cells.Count;
            if (total > rows * cols * 4)
            {
                error = $"the answer has far more than the {rows * cols} cells of a {rows}x{cols} grid";
                return null;
            }
            lineCells.Add(cells);
        }
        if (lineCells.Count == rows && lineCells.All(l => l.Count == cols))
            return lineCells.Select(l => l.ToArray()).ToArray();
        if (total == rows * cols && (lineCells.Count == 1 || lineCells.All(l => l.Count % cols == 0)))
        {
            var flat = lineCells.SelectMany(l => l).ToArray();
            return Enumerable.Range(0, rows).Select(r => flat[(r * cols)..((r + 1) * cols)]).ToArray();
        }
        var wrong = lineCells.FindIndex(l => l.Count != cols);
        error = wrong >= 0 && lineCells.Count == rows
            ? $"grid row {wrong + 1} has {lineCells[wrong].Count} cells; expected {cols}"
            : $"expected {rows} rows of {cols} cells, found {lineCells.Count} rows ({total} cells)";
        return null;
    }

    private static List<int> ReadLine(string line, CellReader cell, out string? bad)
    {
        bad = null;
        var cells = new List<int>();
        foreach (var token in LogicAnswer.Tokens(line))
        {
            if (cell(token) is { } v)
            {
                cells.Add(v);
                continue;
            }
            // "1234" for single-character cells written without separators.
            var split = token.Length > 1 && token.Length <= 64;
            var start = cells.Count;
            for (var k = 0; split && k < token.Length; k++)
            {
                if (cell(token[k].ToString()) is { } c)
                    cells.Add(c);
                else
                    split = false;
            }
            if (!split)
            {
                cells.RemoveRange(start, cells.Count - start);
                bad ??= token;
            }
        }
        return cells;
    }

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "...";

    [GeneratedRegex(@"^\s*(row|r)\s*\d+\s*[:=.)\-]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RowLabel();

    private static string StripBrackets(string line) =>
        line.AsSpan().IndexOfAny(BracketChars) < 0 ? line : string.Create(line.Length, line, (span, src) =>
        {
            for (var k = 0; k < src.Length; k++)
                span[k] = BracketChars.Contains(src[k]) ? ' ' : src[k];
        });

    private static readonly System.Buffers.SearchValues<char> BracketChars = System.Buffers.SearchValues.Create("[](){}\"'`");
    private static readonly System.Buffers.SearchValues<char> RulerChars = System.Buffers.SearchValues.Create(" \t\r-+=_|:");

    // Only lines that start with an r can carry a "Row 3:" label, so most lines skip the regex.
    private static string StripLabel(string line) =>
        line.AsSpan().TrimStart() is [ 'r' or 'R', ..] ? RowLabel().Replace(line, "") : line;

    private static bool IsRuler(string line) => !line.AsSpan().ContainsAnyExcept(RulerChars);
}
