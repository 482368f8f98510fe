using System.Text.Json.Nodes;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.Maze;

/// <summary>
/// Walks the answer's U/D/L/R steps from S: every step must stay on open cells. Accepted when it ends on G in the
/// optimal number of steps (any shortest path: mazes at higher levels have loops); longer valid walks score
/// optimal/length; illegal or unfinished walks score half the fraction of the Manhattan distance to G they removed.
/// </summary>
public static class MazeChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var maze = new MazeGrid(InstanceFields.Strings(instance, "maze"), "maze");
        var optimal = InstanceFields.Int(instance, "optimal", 1, PathGrade.MaxMoves);
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block (expected a U/D/L/R string in a final fenced code block)");
        var (moves, error) = MoveLetters.Parse(answer);
        if (error is not null)
            return LogicCheck.Fail(error);
        var (r, c) = maze.Start;
        int Away() => Math.Abs(r - maze.Goal.R) + Math.Abs(c - maze.Goal.C);
        var start = Away();
        for (var i = 0; i < moves.Count; i++)
        {
            var (nr, nc) = (r + moves[i].DRow(), c + moves[i].DCol());
            if (!maze.Open(nr, nc))
                return PathGrade.Grade(optimal, i, false, $"step {i + 1} ({moves[i].Letter()}) runs into a wall",
                    PathGrade.Progress(start, Away()));
            (r, c) = (nr, nc);
        }
        return PathGrade.Grade(optimal, moves.Count, (r, c) == maze.Goal, null, PathGrade.Progress(start, Away()));
    }
}
