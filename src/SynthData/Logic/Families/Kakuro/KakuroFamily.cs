using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;

namespace SynthData.Logic.Families.Kakuro;

/// <summary>
/// Kakuro on small boards: 3x3 at level 1 up to 6x6 at levels 4-5 (level 5 has fewer black cells, so longer runs).
/// A random layout is filled with digits distinct in every run, the run sums become the clues, and while the solver
/// finds a second solution the digit of a cell where the two differ is added as a given, so the board ends unique.
/// Among a few layouts the one needing fewest givens is kept.
/// </summary>
public sealed class KakuroFamily : ILogicFamily
{
    public string Name => "kakuro";

    // Solver nodes allowed per uniqueness test; past it a given is added instead, which keeps generation fast.
    private const long SearchBudget = 5_000;

    public string Description => "Kakuro (3x3 to 6x6) with a unique solution; answer is the filled grid with # for black cells";

    private static readonly (int Rows, int Cols, double Black, int Attempts)[] Levels =
        [(3, 3, 0.1, 3), (4, 4, 0.15, 3), (5, 5, 0.2, 3), (6, 6, 0.22, 3), (6, 6, 0.12, 4)];

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (rows, cols, black, attempts) = Levels[Math.Clamp(difficulty, 1, 5) - 1];
        (KakuroBoard Board, int[][] Solution, int Givens)? best = null;
        for (var a = 0; a < attempts && best is not { Givens: 0 }; a++)
        {
            var white = Layout(rng, rows, cols, black);
            var digits = Fill(rng, white);
            var candidate = MakeUnique(rng, white, digits);
            if (best is null || candidate.Givens < best.Value.Givens)
                best = candidate;
        }
        var (board, solution, _) = best!.Value;
        return new LogicPuzzle(Prompt(board), board.ToJson(Name),
            "Every run holds distinct digits that sum to its clue.\n" + LogicAnswer.Fenced(board.Format(solution)));
    }

    public LogicCheck Check(JsonObject instance, string response) => KakuroChecker.Check(instance, response);

    /// <summary>Random black cells, then cells in no run of two or more are blackened until none is left; redrawn if too few white cells remain.</summary>
    private static bool[][] Layout(SeededRandom rng, int rows, int cols, double black)
    {
        while (true)
        {
            var white = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, cols).Select(_ => !rng.Chance(black)).ToArray()).ToArray();
            for (var changed = true; changed;)
            {
                changed = false;
                for (var r = 0; r < rows; r++)
                    for (var c = 0; c < cols; c++)
                        if (white[r][c] && !InRun(white, r, c))
                            (white[r][c], changed) = (false, true);
            }
            if (white.Sum(row => row.Count(w => w)) >= rows * cols * 6 / 10)
                return white;
        }
    }

    private static bool InRun(bool[][] w, int r, int c) =>
        (c > 0 && w[r][c - 1]) || (c + 1 < w[r].Length && w[r][c + 1]) || (r > 0 && w[r - 1][c]) || (r + 1 < w.Length && w[r + 1][c]);

    /// <summary>Digits for the white cells, distinct within every horizontal and vertical segment, by randomised backtracking.</summary>
    private static int[][] Fill(SeededRandom rng, bool[][] white)
    {
        int rows = white.Length, cols = white[0].Length;
        var digits = Enumerable.Range(0, rows).Select(_ => new int[cols]).ToArray();
        var cells = new List<(int R, int C)>();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                if (white[r][c])
                    cells.Add((r, c));
        if (!Extend(0))
            throw new InvalidOperationException("no digit fill exists for a layout with runs of at most 9 cells");
        return digits;

        bool Extend(int i)
        {
            if (i == cells.Count)
                return true;
            var (r, c) = cells[i];
            var order = Enumerable.Range(1, 9).ToList();
            rng.Shuffle(order);
            foreach (var d in order)
            {
                if (Clashes(r, c, d))
                    continue;
                digits[r][c] = d;
                if (Extend(i + 1))
                    return true;
                digits[r][c] = 0;
            }
            return false;
        }

        bool Clashes(int r, int c, int d)
        {
            for (var k = c - 1; k >= 0 && white[r][k]; k--)
                if (digits[r][k] == d) return true;
            for (var k = r - 1; k >= 0 && white[k][c]; k--)
                if (digits[k][c] == d) return true;
            return false;
        }
    }

    private static (KakuroBoard Board, int[][] Solution, int Givens) MakeUnique(SeededRandom rng, bool[][] white, int[][] digits)
    {
        int rows = white.Length, cols = white[0].Length;
        var runs = KakuroBoard.RunsOf(white, digits);
        var givens = Enumerable.Range(0, rows).Select(_ => new int[cols]).ToArray();
        for (var count = 0; ; count++)
        {
            var board = new KakuroBoard(rows, cols, runs, givens.Select(g => (int[])g.Clone()).ToArray());
            var solutions = KakuroSolver.Count(board, 2, out var found, SearchBudget);
            if (solutions == 1)
                return (board, found[0], count);
            if (solutions < 0)
            {
                // Undecided within the budget: a random extra given shrinks the search, and uniqueness is proved later.
                var open = new List<(int R, int C)>();
                for (var r = 0; r < rows; r++)
                    for (var c = 0; c < cols; c++)
                        if (white[r][c] && givens[r][c] == 0)
                            open.Add((r, c));
                var (or, oc) = rng.Pick(open);
                givens[or][oc] = digits[or][oc];
                continue;
            }
            // Some found solution differs from the planted fill; fixing one differing cell to the fill's digit rules it out.
            var other = found.First(s => !s.Zip(digits).All(p => p.First.SequenceEqual(p.Second)));
            var differ = new List<(int R, int C)>();
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < cols; c++)
                    if (other[r][c] != digits[r][c])
                        differ.Add((r, c));
            var (gr, gc) = rng.Pick(differ);
            givens[gr][gc] = digits[gr][gc];
        }
    }

    private static string Prompt(KakuroBoard board)
    {
        var sb = new StringBuilder();
        sb.Append($"""
            Solve this Kakuro puzzle on a {board.Rows}x{board.Cols} grid (rows and columns numbered from 1, row first).
            Black cells are shown as #, white cells to fill as ., and given digits as themselves. A run is a maximal line of
            two or more white cells across (left to right) or down (top to bottom); its clue is the sum of its digits.
            Fill every white cell with a digit from 1 to 9 so that the digits in each run are all different and add up to
            the run's clue. Do not change the given digits.

            {board.Format(board.Givens)}

            Runs (clue: cells):

            """);
        foreach (var run in board.Runs)
        {
            var cells = string.Join(' ', Enumerable.Range(0, run.Length).Select(k => $"({run.Cell(k).R + 1},{run.Cell(k).C + 1})"));
            sb.Append($"- {run.Name} from ({run.Row + 1},{run.Col + 1}), {run.Length} cells, sum {run.Sum}: {cells}\n");
        }
        var givenList = Enumerable.Range(0, board.Rows).SelectMany(r => Enumerable.Range(0, board.Cols)
            .Where(c => board.Givens[r][c] != 0).Select(c => $"({r + 1},{c + 1}) = {board.Givens[r][c]}")).ToList();
        sb.Append(givenList.Count == 0 ? "\nNo digits are given.\n" : $"\nGiven digits: {string.Join(", ", givenList)}.\n");
        sb.Append($"""

            Give the solved grid inside a final fenced code block (```): {board.Rows} lines, one per row, each with {board.Cols}
            symbols separated by spaces: the digit of each white cell, and # for each black cell.
            """);
        return sb.ToString();
    }
}
