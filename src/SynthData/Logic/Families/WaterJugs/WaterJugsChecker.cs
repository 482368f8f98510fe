using System.Text.Json.Nodes;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.WaterJugs;

/// <summary>
/// Replays `fill X`, `empty X`, `pour X Y` steps from all-empty jugs. Accepted when some jug holds exactly the target
/// after the optimal number of steps; longer valid solutions score optimal/length; an unparsable or unfinished answer
/// scores 0 (amounts give no meaningful measure of progress).
/// </summary>
public static class WaterJugsChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var capacities = InstanceFields.Ints(instance, "capacities", 1, 255);
        if (capacities.Length is < 2 or > 4)
            throw new LogicInstanceException("capacities", "2 to 4 jug capacities");
        var target = InstanceFields.Int(instance, "target", 1, 255);
        var optimal = InstanceFields.Int(instance, "optimal", 1, PathGrade.MaxMoves);
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block (expected `fill A` / `empty A` / `pour A B` lines in a final fenced code block)");
        var lines = LogicAnswer.Lines(answer);
        if (lines.Count == 0)
            return LogicCheck.Fail("the answer block holds no steps");
        if (lines.Count > PathGrade.MaxMoves)
            return LogicCheck.Fail($"more than {PathGrade.MaxMoves} steps");
        var solver = new WaterJugsSolver(capacities);
        ulong state = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var (step, error) = Parse(lines[i], capacities.Length);
            if (error is not null)
                return PathGrade.Grade(optimal, i, false, $"step {i + 1}: {error}", 0);
            state = solver.Apply(state, step);
        }
        return PathGrade.Grade(optimal, lines.Count, solver.Holds(state, target), null, 0);
    }

    private static (JugStep, string?) Parse(string line, int jugs)
    {
        var tokens = new string(line.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t is not ("jug" or "the" or "into" or "to" or "from" or "onto" or "in"))
            .ToList();
        if (tokens.Count >= 2 && tokens[0].All(char.IsAsciiDigit))
            tokens.RemoveAt(0);
        int Jug(string t) => t.Length == 1 && t[0] - 'a' is var j && j >= 0 && j < jugs ? j : -1;
        var bad = $"'{MoveLetters.Clip(line)}' is not `fill X`, `empty X` or `pour X Y` (jugs A-{JugStep.Name(jugs - 1)})";
        if (tokens.Count == 2 && tokens[0] is "fill" or "empty" && Jug(tokens[1]) >= 0)
            return (new JugStep(tokens[0] == "fill" ? JugAction.Fill : JugAction.Empty, Jug(tokens[1]), Jug(tokens[1])), null);
        if (tokens.Count == 3 && tokens[0] == "pour" && Jug(tokens[1]) >= 0 && Jug(tokens[2]) >= 0 && tokens[1] != tokens[2])
            return (new JugStep(JugAction.Pour, Jug(tokens[1]), Jug(tokens[2])), null);
        return (default, bad);
    }
}
