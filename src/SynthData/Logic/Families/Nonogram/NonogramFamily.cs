using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Nonogram;

/// <summary>
/// Nonogram (Picross): a random picture's row and column run clues; pictures whose clues allow more than one grid are
/// redrawn, so the solver has proved the answer unique. Higher levels are larger pictures (4x4 up to 10x10).
/// </summary>
public sealed class NonogramFamily : ILogicFamily
{
    public string Name => "nonogram";

    public string Description => "Nonogram / Picross (4x4 to 10x10) from row and column run clues, with a unique solution";

    private static readonly (int Rows, int Cols, double Density)[] Levels = [(4, 4, 0.55), (5, 5, 0.55), (6, 6, 0.55), (8, 8, 0.6), (10, 10, 0.6)];

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (rows, cols, density) = Levels[Math.Clamp(difficulty, 1, 5) - 1];
        while (true)
        {
            var picture = new int[rows];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < cols; c++)
                    if (rng.Chance(density))
                        picture[r] |= 1 << c;
            if (picture.All(p => p == 0))
                continue;
            var rowClues = picture.Select(p => NonogramSolver.Runs(p, cols).ToArray()).ToArray();
            var colClues = Enumerable.Range(0, cols)
                .Select(c => NonogramSolver.Runs(Enumerable.Range(0, rows).Sum(r => ((picture[r] >> c) & 1) << r), rows).ToArray())
                .ToArray();
            var solutions = NonogramSolver.Solve(rowClues, colClues);
            if (solutions.Count != 1)
                continue;
            var instance = new JsonObject
            {
                ["family"] = Name, ["rows"] = rows, ["cols"] = cols,
                ["row_clues"] = new JsonArray(rowClues.Select(c => (JsonNode)GridJson.ToJson(c)).ToArray()),
                ["col_clues"] = new JsonArray(colClues.Select(c => (JsonNode)GridJson.ToJson(c)).ToArray()),
            };
            var answer = string.Join('\n', solutions[0].Select(row => string.Concat(Enumerable.Range(0, cols).Select(c => ((row >> c) & 1) == 1 ? '#' : '.'))));
            return new LogicPuzzle(Prompt(rows, cols, rowClues, colClues), instance,
                "Line solving and case analysis give the only grid whose runs match every clue.\n" + LogicAnswer.Fenced(answer));
        }
    }

    public LogicCheck Check(JsonObject instance, string response) => NonogramChecker.Check(instance, response);

    private static string Clue(int[] clue) => clue.Length == 0 ? "0" : string.Join(' ', clue);

    private static string Prompt(int rows, int cols, int[][] rowClues, int[][] colClues) => $"""
        Solve this {rows}x{cols} nonogram. Each cell is filled or empty. The clue of a row (read left to right) or column
        (read top to bottom) lists the lengths of its runs of consecutive filled cells, in order; runs are separated by at
        least one empty cell, and a clue of 0 means the line is empty. Find the grid that matches every clue.

        Row clues (top to bottom):
        {string.Join('\n', rowClues.Select((c, i) => $"Row {i + 1}: {Clue(c)}"))}

        Column clues (left to right):
        {string.Join('\n', colClues.Select((c, i) => $"Column {i + 1}: {Clue(c)}"))}

        Give the grid inside a final fenced code block (```): {rows} lines, one per row, each with {cols} characters,
        # for a filled cell and . for an empty cell (no spaces).
        """;
}
