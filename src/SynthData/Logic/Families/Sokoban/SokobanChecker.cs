using System.Text.Json.Nodes;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.Sokoban;

/// <summary>
/// Walks the answer's U/D/L/R steps: the player moves onto floor or pushes one box onto a free cell. Accepted when
/// every box is on a goal after the optimal number of steps; longer valid solutions score optimal/length; illegal or
/// unfinished ones score half the fraction of the initially misplaced boxes they brought onto goals.
/// </summary>
public static class SokobanChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var room = SokobanRoom.Parse(InstanceFields.Strings(instance, "room"), "room");
        var optimal = InstanceFields.Int(instance, "optimal", 1, PathGrade.MaxMoves);
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block (expected a U/D/L/R string in a final fenced code block)");
        var (moves, error) = MoveLetters.Parse(answer);
        if (error is not null)
            return LogicCheck.Fail(error);
        var (boxes, player) = (room.StartBoxes, room.StartPlayer);
        int Misplaced() => (int)ulong.PopCount(boxes & ~room.Goals);
        var start = Misplaced();
        for (var i = 0; i < moves.Count; i++)
        {
            if (room.Move(boxes, player, moves[i], out var p) is not { } next)
                return PathGrade.Grade(optimal, i, false, $"step {i + 1} ({moves[i].Letter()}) is blocked by a wall or an immovable box",
                    PathGrade.Progress(start, Misplaced()));
            (boxes, player) = (next, p);
        }
        return PathGrade.Grade(optimal, moves.Count, Misplaced() == 0, null, PathGrade.Progress(start, Misplaced()));
    }
}
