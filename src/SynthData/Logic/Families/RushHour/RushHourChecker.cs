using System.Text.Json.Nodes;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.RushHour;

/// <summary>
/// Replays the answer on the drawn 6x6 board: a vehicle moves only along its own direction, through empty cells.
/// Accepted when X reaches the exit (the two rightmost cells of the exit row) in the optimal number of moves; longer
/// valid solutions score optimal/length; illegal or unfinished ones score half the fraction of X's way it covered.
/// </summary>
public static class RushHourChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var board = BlockBoard.Parse(InstanceFields.Strings(instance, "board"), "board");
        var optimal = InstanceFields.Int(instance, "optimal", 1, PathGrade.MaxMoves);
        if (board.Width != RushHourSolver.Size || board.Height != RushHourSolver.Size || !board.Pieces.TryGetValue('X', out var x)
            || x.Row != RushHourSolver.ExitRow || x.Height != 1 || x.Width != 2)
            throw new LogicInstanceException("board", "a 6x6 drawing with the red car X (1x2) on row 3");
        if (board.Pieces.Values.Any(b => Math.Min(b.Height, b.Width) != 1 || Math.Max(b.Height, b.Width) is < 2 or > 3))
            throw new LogicInstanceException("board", "vehicles of 1x2, 1x3, 2x1 or 3x1 cells");
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block (expected `vehicle direction` lines in a final fenced code block)");
        var lines = LogicAnswer.Lines(answer);
        if (lines.Count == 0)
            return LogicCheck.Fail("the answer block holds no moves");
        if (lines.Count > PathGrade.MaxMoves)
            return LogicCheck.Fail($"more than {PathGrade.MaxMoves} moves");
        var start = RushHourSolver.GoalOffset - x.Col;
        double Progress() => PathGrade.Progress(start, RushHourSolver.GoalOffset - board.Pieces['X'].Col);
        for (var i = 0; i < lines.Count; i++)
        {
            var (move, error) = PieceMoveParser.Parse(lines[i], RushHourSolver.Size);
            if (error is null && board.Pieces.TryGetValue(move.Piece, out var v)
                && (v.Width > 1) != (move.Direction is Direction.Left or Direction.Right))
                error = $"vehicle {move.Piece} is {(v.Width > 1 ? "horizontal" : "vertical")} and cannot move {move.Direction.Word()}";
            error ??= board.Slide(move.Piece, move.Direction, move.Steps);
            if (error is not null)
                return PathGrade.Grade(optimal, i, false, $"move {i + 1}: {error}", Progress());
        }
        return PathGrade.Grade(optimal, lines.Count, board.Pieces['X'].Col == RushHourSolver.GoalOffset, null, Progress());
    }
}
