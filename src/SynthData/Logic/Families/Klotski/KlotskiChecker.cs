using System.Text.Json.Nodes;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.Klotski;

/// <summary>
/// Replays the answer's moves on the drawn board, checking every cell each block passes through. Accepted only when
/// block A ends on the target and the number of moves equals the BFS optimum; a valid longer solution scores
/// optimal/length ("valid but not shortest"); an illegal or unfinished one scores half the fraction of A's
/// Manhattan distance to the target it removed.
/// </summary>
public static class KlotskiChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var board = BlockBoard.Parse(InstanceFields.Strings(instance, "board"), "board");
        var target = InstanceFields.Ints(instance, "target", 0, 7);
        var optimal = InstanceFields.Int(instance, "optimal", 1, PathGrade.MaxMoves);
        if (target.Length != 2 || !board.Pieces.TryGetValue('A', out var a) || target[0] + a.Height > board.Height
            || target[1] + a.Width > board.Width)
            throw new LogicInstanceException("target", "the [row, col] of block A's top-left cell on the goal, on the board");
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block (expected `piece direction` lines in a final fenced code block)");
        var lines = LogicAnswer.Lines(answer);
        if (lines.Count == 0)
            return LogicCheck.Fail("the answer block holds no moves");
        if (lines.Count > PathGrade.MaxMoves)
            return LogicCheck.Fail($"more than {PathGrade.MaxMoves} moves");

        double Distance() => Math.Abs(board.Pieces['A'].Row - target[0]) + Math.Abs(board.Pieces['A'].Col - target[1]);
        var start = Distance();
        var maxSteps = Math.Max(board.Width, board.Height);
        for (var i = 0; i < lines.Count; i++)
        {
            var (move, error) = PieceMoveParser.Parse(lines[i], maxSteps);
            error ??= board.Slide(move.Piece, move.Direction, move.Steps);
            if (error is not null)
                return PathGrade.Grade(optimal, i, false, $"move {i + 1}: {error}", PathGrade.Progress(start, Distance()));
        }
        var solved = Distance() == 0;
        return PathGrade.Grade(optimal, lines.Count, solved, null, PathGrade.Progress(start, Distance()));
    }
}
