using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Sudoku;

/// <summary>
/// Sudoku: 4x4 at level 1, 6x6 at levels 2-3, 9x9 at levels 4-5, with fewer givens at each level. Givens are removed
/// from a random full grid one by one, keeping each removal only while the solver proves the solution unique.
/// </summary>
public sealed class SudokuFamily : ILogicFamily
{
    public string Name => "sudoku";

    public string Description => "Sudoku (4x4, 6x6, 9x9) with a unique solution; answer is the completed grid";

    // (box rows, box cols, target number of givens) per level; removal stops earlier when no more can go.
    private static readonly (int BoxRows, int BoxCols, int Givens)[] Levels =
        [(2, 2, 6), (2, 3, 16), (2, 3, 10), (3, 3, 34), (3, 3, 24)];

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (boxRows, boxCols, target) = Levels[Math.Clamp(difficulty, 1, 5) - 1];
        var n = boxRows * boxCols;
        var empty = Enumerable.Range(0, n).Select(_ => new int[n]).ToArray();
        SudokuSolver.Count(empty, boxRows, boxCols, 1, out var full, rng);
        var givens = full!.Select(r => (int[])r.Clone()).ToArray();
        var order = Enumerable.Range(0, n * n).ToList();
        rng.Shuffle(order);
        var remaining = n * n;
        foreach (var cell in order)
        {
            if (remaining <= target)
                break;
            int r = cell / n, c = cell % n, keep = givens[r][c];
            givens[r][c] = 0;
            if (SudokuSolver.Count(givens, boxRows, boxCols, 2, out _) == 1)
                remaining--;
            else
                givens[r][c] = keep;
        }
        SudokuSolver.Count(givens, boxRows, boxCols, 2, out var solution);
        var instance = new JsonObject
        {
            ["family"] = Name,
            ["box_rows"] = boxRows,
            ["box_cols"] = boxCols,
            ["givens"] = GridJson.ToJson(givens),
        };
        return new LogicPuzzle(Prompt(givens, boxRows, boxCols), instance,
            "Each row, column and box holds every digit once.\n" + LogicAnswer.Fenced(LatinRules.Format(solution!)));
    }

    public LogicCheck Check(JsonObject instance, string response) => SudokuChecker.Check(instance, response);

    private static string Prompt(int[][] givens, int boxRows, int boxCols)
    {
        var n = boxRows * boxCols;
        return $"""
            Solve this {n}x{n} Sudoku. Fill every empty cell (shown as .) with a digit from 1 to {n} so that each row, each
            column and each of the {n} boxes of {boxRows} rows by {boxCols} columns contains every digit from 1 to {n} exactly once.
            Do not change the given digits.

            {LatinRules.Format(givens)}

            Give the completed grid inside a final fenced code block (```): {n} lines, one per row, each with {n} digits
            separated by spaces.
            """;
    }
}
