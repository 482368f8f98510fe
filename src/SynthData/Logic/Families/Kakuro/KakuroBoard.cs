using System.Text.Json.Nodes;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Kakuro;

/// <summary>One run: Length white cells starting at (Row, Col) going right (across) or down, whose digits sum to Sum.</summary>
public readonly record struct KakuroRun(bool Across, int Row, int Col, int Length, int Sum)
{
    public (int R, int C) Cell(int k) => Across ? (Row, Col + k) : (Row + k, Col);

    public string Name => Across ? "across" : "down";
}

/// <summary>
/// A Kakuro board: a rows x cols grid whose white cells are exactly the cells of its runs (every other cell is black),
/// plus optional given digits. Instance JSON: rows, cols, runs as [across 1/0, row, col, length, sum] (0-based),
/// givens as a rows x cols grid (0 = none).
/// </summary>
public sealed class KakuroBoard
{
    public const int MaxSide = 10;

    public int Rows { get; }
    public int Cols { get; }
    public IReadOnlyList<KakuroRun> Runs { get; }
    public int[][] Givens { get; }
    public bool[][] White { get; }

    public KakuroBoard(int rows, int cols, IReadOnlyList<KakuroRun> runs, int[][] givens)
    {
        (Rows, Cols, Runs, Givens) = (rows, cols, runs, givens);
        White = Enumerable.Range(0, rows).Select(_ => new bool[cols]).ToArray();
        foreach (var run in runs)
            for (var k = 0; k < run.Length; k++)
            {
                var (r, c) = run.Cell(k);
                White[r][c] = true;
            }
    }

    /// <summary>The runs of a white/black layout: maximal segments of two or more white cells, with their sums taken from <paramref name="digits"/>.</summary>
    public static List<KakuroRun> RunsOf(bool[][] white, int[][]? digits)
    {
        var runs = new List<KakuroRun>();
        int rows = white.Length, cols = white[0].Length;
        foreach (var across in new[] { true, false })
        {
            int outer = across ? rows : cols, inner = across ? cols : rows;
            for (var o = 0; o < outer; o++)
                for (var i = 0; i < inner;)
                {
                    var start = i;
                    while (i < inner && (across ? white[o][i] : white[i][o]))
                        i++;
                    if (i - start >= 2)
                    {
                        var run = new KakuroRun(across, across ? o : start, across ? start : o, i - start, 0);
                        var sum = digits is null ? 0 : Enumerable.Range(0, run.Length).Sum(k => digits[run.Cell(k).R][run.Cell(k).C]);
                        runs.Add(run with { Sum = sum });
                    }
                    i = Math.Max(i, start + 1);
                }
        }
        return runs;
    }

    public JsonObject ToJson(string family) => new()
    {
        ["family"] = family,
        ["rows"] = Rows,
        ["cols"] = Cols,
        ["runs"] = new JsonArray(Runs.Select(r => (JsonNode)GridJson.ToJson([r.Across ? 1 : 0, r.Row, r.Col, r.Length, r.Sum])).ToArray()),
        ["givens"] = GridJson.ToJson(Givens),
    };

    /// <summary>Reads and validates an instance; anything inconsistent throws <see cref="LogicInstanceException"/>.</summary>
    public static KakuroBoard FromJson(JsonObject instance)
    {
        var rows = GridJson.Int(instance, "rows", 1, MaxSide);
        var cols = GridJson.Int(instance, "cols", 1, MaxSide);
        var runs = new List<KakuroRun>();
        foreach (var r in GridJson.IntLists(instance, "runs", 0, 45))
        {
            if (r.Length != 5 || r[0] > 1)
                throw new LogicInstanceException("runs", "entries [across 1/0, row, col, length, sum]");
            var run = new KakuroRun(r[0] == 1, r[1], r[2], r[3], r[4]);
            var (endR, endC) = run.Cell(run.Length - 1 < 0 ? 0 : run.Length - 1);
            if (run.Length is < 2 or > 9 || run.Row >= rows || run.Col >= cols || endR >= rows || endC >= cols
                || run.Sum < run.Length * (run.Length + 1) / 2 || run.Sum > run.Length * (19 - run.Length) / 2)
                throw new LogicInstanceException("runs", "runs of 2..9 cells inside the grid with a reachable sum");
            runs.Add(run);
        }
        if (runs.Count == 0)
            throw new LogicInstanceException("runs", "at least one run");
        var board = new KakuroBoard(rows, cols, runs, GridJson.Grid(instance, "givens", rows, cols, 0, 9));
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                if (board.Givens[r][c] != 0 && !board.White[r][c])
                    throw new LogicInstanceException("givens", "digits only on white cells (cells of some run)");
        return board;
    }

    /// <summary>Rows of tokens: the digit of each white cell (or . when unknown), # for black cells.</summary>
    public string Format(int[][] digits) => string.Join('\n', Enumerable.Range(0, Rows).Select(r =>
        string.Join(' ', Enumerable.Range(0, Cols).Select(c => !White[r][c] ? "#" : digits[r][c] == 0 ? "." : digits[r][c].ToString(System.Globalization.CultureInfo.InvariantCulture)))));
}
