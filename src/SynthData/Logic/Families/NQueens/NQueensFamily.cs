using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.NQueens;

/// <summary>
/// N-Queens: place N non-attacking queens on an N x N board; N grows with the level and some queens are
/// pre-placed (taken from a random placement, so the puzzle is solvable), which the answer must keep. Any valid
/// placement is accepted.
/// </summary>
public sealed class NQueensFamily : ILogicFamily
{
    public string Name => "n_queens";

    public string Description => "N-Queens with some queens pre-placed; any valid placement is accepted";

    private static readonly (int N, int Placed)[] Levels = [(5, 1), (7, 1), (8, 2), (10, 3), (12, 4)];

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (n, count) = Levels[Math.Clamp(difficulty, 1, 5) - 1];
        var free = Enumerable.Repeat(-1, n).ToArray();
        var random = NQueensSolver.Solve(n, free, rng)!;
        var rows = Enumerable.Range(0, n).ToList();
        rng.Shuffle(rows);
        var fixedColumns = (int[])free.Clone();
        foreach (var r in rows.Take(count).Order())
            fixedColumns[r] = random[r];
        // The reference is the solver's own (deterministic) placement around the fixed queens, not the random one.
        var solution = NQueensSolver.Solve(n, fixedColumns)
                       ?? throw new InvalidOperationException("the placement the queens came from extends them");
        var placed = Enumerable.Range(0, n).Where(r => fixedColumns[r] >= 0).Select(r => new[] { r + 1, fixedColumns[r] + 1 }).ToArray();
        var instance = new JsonObject
        {
            ["family"] = Name,
            ["n"] = n,
            ["placed"] = GridJson.ToJson(placed),
        };
        var board = string.Join('\n', solution.Select(c => string.Join(' ', Enumerable.Range(0, n).Select(k => k == c ? "Q" : "."))));
        return new LogicPuzzle(Prompt(n, placed), instance,
            "One queen per row and column, and no two on a diagonal.\n" + LogicAnswer.Fenced(board));
    }

    public LogicCheck Check(JsonObject instance, string response) => NQueensChecker.Check(instance, response);

    private static string Prompt(int n, int[][] placed)
    {
        var text = new StringBuilder($"Place {n} queens on a {n}x{n} chessboard so that no two queens attack each other: no two in the same row, the same column or the same diagonal.\n");
        if (placed.Length > 0)
            text.Append("These queens are already placed and must stay (row, column, counted from 1 at the top left): ")
                .Append(string.Join(", ", placed.Select(p => $"({p[0]}, {p[1]})"))).Append(".\n");
        text.Append($"\nGive the board inside a final fenced code block (```): {n} lines, one per row from the top, each with {n} cells separated by spaces, Q for a queen and . for an empty square.");
        return text.ToString();
    }
}
