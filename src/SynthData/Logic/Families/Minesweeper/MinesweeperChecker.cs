using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Minesweeper;

/// <summary>
/// Checks a Minesweeper deduction answer: the listed cells must be exactly the forced mines among the asked cells.
/// Each asked cell is classified right or wrong (listed = mine, not listed = safe); a listed cell that was not asked
/// counts as one more wrong classification. Score = right / (asked + listed-but-not-asked). Lenient on form
/// ("(2, 3)", "r2c3", several pairs on a line, prose lines without digits), strict on content.
/// </summary>
public static partial class MinesweeperChecker
{
    private const int MaxChars = 100_000;
    private const int MaxCells = 10_000;

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var rows = GridJson.Int(instance, "rows", 1, 64);
        var cols = GridJson.Int(instance, "cols", 1, 64);
        GridJson.Grid(instance, "grid", rows, cols, -1, 8);
        var asked = Cells(instance, "asked", rows, cols);
        var mines = Cells(instance, "mines", rows, cols);
        if (asked.Count == 0 || !mines.IsSubsetOf(asked))
            throw new LogicInstanceException("mines", "a subset of the non-empty asked cells");

        var text = LogicAnswer.Extract(response);
        if (string.IsNullOrWhiteSpace(text))
            return LogicCheck.Fail("no answer: expected the mine cells inside a final fenced code block");
        if (text.Length > MaxChars)
            return LogicCheck.Fail($"the answer is {text.Length} characters long; far more than a list of cells");
        var listed = new HashSet<(int, int)>();
        var sawNone = false;
        foreach (var line in LogicAnswer.Lines(text))
        {
            var numbers = Number().Matches(line);
            if (numbers.Count == 0)
            {
                sawNone |= NoneWord().IsMatch(line);
                continue; // prose ("Mines:") or "none"
            }
            if (numbers.Count % 2 != 0)
                return LogicCheck.Fail($"answer line '{Shorten(line)}' is not a list of row,col pairs");
            for (var k = 0; k < numbers.Count; k += 2)
            {
                if (!int.TryParse(numbers[k].Value, out var r) || !int.TryParse(numbers[k + 1].Value, out var c))
                    return LogicCheck.Fail($"answer line '{Shorten(line)}' has a number out of range");
                listed.Add((r, c));
                if (listed.Count > MaxCells)
                    return LogicCheck.Fail("the answer lists far more cells than the grid has");
            }
        }
        if (listed.Count == 0 && !sawNone)
            return LogicCheck.Fail("no cells found: list the mine cells as row,col or write none");
        if (listed.Count > 0 && sawNone)
            return LogicCheck.Fail("the answer both lists cells and says none");

        var right = asked.Count(a => listed.Contains(a) == mines.Contains(a));
        var extra = listed.Count(l => !asked.Contains(l));
        if (right == asked.Count && extra == 0)
            return LogicCheck.Pass($"all {asked.Count} asked cells classified right");
        var wrong = asked.FirstOrDefault(a => listed.Contains(a) != mines.Contains(a));
        var reason = right < asked.Count
            ? $"{asked.Count - right} of {asked.Count} asked cells misclassified, e.g. {wrong.Item1},{wrong.Item2}"
            : $"{extra} listed cell(s) were not among the asked cells";
        return LogicCheck.Fail(reason, (double)right / (asked.Count + extra));
    }

    private static HashSet<(int, int)> Cells(JsonObject instance, string field, int rows, int cols)
    {
        var pairs = GridJson.IntLists(instance, field, 1, 64);
        if (pairs.Any(p => p.Length != 2 || p[0] > rows || p[1] > cols))
            throw new LogicInstanceException(field, "an array of [row, col] pairs inside the grid");
        return pairs.Select(p => (p[0], p[1])).ToHashSet();
    }

    private static string Shorten(string s) => s.Length <= 30 ? s : s[..30] + "...";

    [GeneratedRegex(@"-?\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\W*(none|no mines?|nothing)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex NoneWord();
}
