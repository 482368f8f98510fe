using System.Text.Json.Nodes;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.SlidingPuzzle;

/// <summary>
/// Replays the tiles named in the answer: each must be orthogonally next to the blank, and slides into it. Accepted
/// when the goal is reached in the optimal number of moves; longer valid solutions score optimal/length; illegal or
/// unfinished ones score half the fraction of the Manhattan distance they removed.
/// </summary>
public static class SlidingPuzzleChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var size = InstanceFields.Int(instance, "size", 2, 5);
        var board = InstanceFields.Ints(instance, "tiles", 0, size * size - 1);
        if (board.Length != size * size || board.Distinct().Count() != board.Length)
            throw new LogicInstanceException("tiles", $"a permutation of 0..{size * size - 1}");
        var optimal = InstanceFields.Int(instance, "optimal", 1, PathGrade.MaxMoves);
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block (expected the tile numbers in a final fenced code block)");
        var start = SlidingPuzzleSolver.Manhattan(board, size);
        var blank = Array.IndexOf(board, 0);
        var used = 0;
        foreach (var line in LogicAnswer.Lines(answer))
        {
            foreach (var raw in LogicAnswer.Tokens(line))
            {
                var token = raw.Trim('[', ']', '(', ')', '.');
                if (token.Length == 0)
                    continue;
                string? error = null;
                if (!int.TryParse(token, out var tile) || tile < 1 || tile >= size * size)
                    error = $"'{MoveLetters.Clip(token)}' is not a tile number from 1 to {size * size - 1}";
                else if (++used > PathGrade.MaxMoves)
                    return LogicCheck.Fail($"more than {PathGrade.MaxMoves} moves");
                var from = error is null ? Array.IndexOf(board, tile) : -1;
                if (error is null && Math.Abs(from / size - blank / size) + Math.Abs(from % size - blank % size) != 1)
                    error = $"tile {tile} is not next to the empty square";
                if (error is not null)
                    return PathGrade.Grade(optimal, used, false, $"move {used}: {error}",
                        PathGrade.Progress(start, SlidingPuzzleSolver.Manhattan(board, size)));
                board[blank] = tile;
                board[from] = 0;
                blank = from;
            }
        }
        if (used == 0)
            return LogicCheck.Fail("the answer block holds no moves");
        var now = SlidingPuzzleSolver.Manhattan(board, size);
        return PathGrade.Grade(optimal, used, now == 0, null, PathGrade.Progress(start, now));
    }
}
