using System.Text.Json.Nodes;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.TowerOfHanoi;

/// <summary>
/// Replays `from to` moves on the three pegs: the top disk moves, never onto a smaller one. Accepted when every disk
/// is on the target peg in the optimal number of moves; longer valid solutions score optimal/length; illegal or
/// unfinished ones score half the fraction of the largest-first disks they brought home.
/// </summary>
public static class HanoiChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var disks = InstanceFields.Int(instance, "disks", 1, 16);
        var start = InstanceFields.Ints(instance, "start", 0, 2);
        var target = InstanceFields.Int(instance, "target", 0, 2);
        var optimal = InstanceFields.Int(instance, "optimal", 1, PathGrade.MaxMoves);
        if (start.Length != disks)
            throw new LogicInstanceException("start", $"the peg (0-2) of each of the {disks} disks");
        var stacks = new[] { new Stack<int>(), new Stack<int>(), new Stack<int>() };
        for (var d = disks; d >= 1; d--)
            stacks[start[d - 1]].Push(d);
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block (expected `from to` lines in a final fenced code block)");
        var lines = LogicAnswer.Lines(answer);
        if (lines.Count == 0)
            return LogicCheck.Fail("the answer block holds no moves");
        if (lines.Count > PathGrade.MaxMoves)
            return LogicCheck.Fail($"more than {PathGrade.MaxMoves} moves");
        var startAway = Away(stacks, disks, target);
        for (var i = 0; i < lines.Count; i++)
        {
            var error = ParsePegs(lines[i], out var from, out var to);
            if (error is null && stacks[from].Count == 0)
                error = $"peg {Peg(from)} is empty";
            else if (error is null && stacks[to].Count > 0 && stacks[to].Peek() < stacks[from].Peek())
                error = $"disk {stacks[from].Peek()} cannot go onto the smaller disk {stacks[to].Peek()} on peg {Peg(to)}";
            if (error is not null)
                return PathGrade.Grade(optimal, i, false, $"move {i + 1}: {error}",
                    PathGrade.Progress(startAway, Away(stacks, disks, target)));
            stacks[to].Push(stacks[from].Pop());
        }
        var away = Away(stacks, disks, target);
        return PathGrade.Grade(optimal, lines.Count, away == 0, null, PathGrade.Progress(startAway, away));
    }

    public static char Peg(int index) => (char)('A' + index);

    /// <summary>Disks not yet settled: n minus the run of largest disks sitting at the bottom of the target peg.</summary>
    private static int Away(Stack<int>[] stacks, int disks, int target)
    {
        var settled = 0;
        foreach (var d in stacks[target].Reverse())
        {
            if (d != disks - settled)
                break;
            settled++;
        }
        return disks - settled;
    }

    /// <summary>Finds exactly two peg names (A, B, C in any case) in lines like `A C`, `A -> C`, `move disk 1 from A to C`.</summary>
    private static string? ParsePegs(string line, out int from, out int to)
    {
        (from, to) = (-1, -1);
        var pegs = new List<int>(2);
        foreach (var token in line.Split([' ', '\t', ',', ';', '|', '-', '>', ':', '(', ')', '[', ']', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length == 1 && char.ToUpperInvariant(token[0]) is >= 'A' and <= 'C')
                pegs.Add(char.ToUpperInvariant(token[0]) - 'A');
            else if (!IsWord(token))
                return $"'{MoveLetters.Clip(line)}' is not `from to` (pegs A, B, C)";
        }
        if (pegs.Count != 2 || pegs[0] == pegs[1])
            return $"'{MoveLetters.Clip(line)}' does not name two different pegs";
        (from, to) = (pegs[0], pegs[1]);
        return null;
    }

    private static bool IsWord(string token) =>
        token.ToLowerInvariant() is "move" or "disk" or "from" or "to" or "peg" or "onto" or "top"
        || token.All(char.IsAsciiDigit);
}
