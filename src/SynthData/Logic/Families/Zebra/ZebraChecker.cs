using System.Text;
using System.Text.Json.Nodes;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.Zebra;

/// <summary>
/// Checks a zebra answer cell by cell against the solution, which the generator proved unique: each line names a
/// house number and the values in that house (in any order and separator; `red = 2` works too). Score = the fraction
/// of values placed in their house; accepted only when all are.
/// </summary>
internal static class ZebraChecker
{
    private const int MaxLines = 1_000;

    public static string Prompt(int houses, IReadOnlyList<string> attributes, string[][] values, IReadOnlyList<string> clues)
    {
        var listing = new StringBuilder();
        for (var a = 0; a < attributes.Count; a++)
            listing.Append($"- {attributes[a]}: {string.Join(", ", values[a])}\n");
        var numbered = string.Join('\n', clues.Select((c, i) => $"{i + 1}. {c}"));
        return $"""
            There are {houses} houses in a row, numbered 1 to {houses} from left to right. Each house has exactly one value of each attribute below, and each value belongs to exactly one house.

            {listing.ToString().TrimEnd()}

            "Left of" means a lower house number; "next to" means adjacent houses.

            Clues:
            {numbered}

            The clues determine a unique arrangement. Find it.

            Answer format: one line per house, `House N: ` followed by its values in the attribute order ({string.Join(", ", attributes)}) separated by commas, inside a final fenced code block (```), for example
            ```
            House 1: {string.Join(", ", values.Select(vs => vs[0]))}
            ```
            """;
    }

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var houses = InstanceFields.Int(instance, "houses", 1, 9);
        var values = InstanceFields.StringRows(instance, "values");
        var solution = InstanceFields.IntRows(instance, "solution", 1, houses);
        if (solution.Length != values.Length || values.Where((vs, a) => vs.Length != houses || solution[a].Length != houses).Any())
            throw new LogicInstanceException("solution", $"one house (1..{houses}) per value of every attribute");
        var lookup = new Dictionary<string, (int A, int V)>(StringComparer.OrdinalIgnoreCase);
        for (var a = 0; a < values.Length; a++)
            for (var v = 0; v < houses; v++)
                lookup[values[a][v]] = (a, v);

        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block");
        var placed = new Dictionary<(int, int), int>();
        var conflicted = new HashSet<(int, int)>();
        foreach (var line in LogicAnswer.Lines(answer).Take(MaxLines))
        {
            var words = line.Split((char[])[' ', '\t', ',', ';', '|', ':', '=', '-', '.', '(', ')', '[', ']', '*'], StringSplitOptions.RemoveEmptyEntries);
            var numbers = words.Select(w => int.TryParse(w.TrimStart('#'), out var n) ? n : 0).Where(n => n >= 1 && n <= houses).Distinct().ToList();
            if (numbers.Count != 1)
                continue;
            foreach (var word in words)
                if (lookup.TryGetValue(word, out var item))
                {
                    if (placed.TryGetValue(item, out var before) && before != numbers[0])
                        conflicted.Add(item);
                    placed[item] = numbers[0];
                }
        }
        var cells = values.Length * houses;
        var right = 0;
        string? firstWrong = null;
        for (var a = 0; a < values.Length; a++)
            for (var v = 0; v < houses; v++)
            {
                if (!conflicted.Contains((a, v)) && placed.TryGetValue((a, v), out var house) && house == solution[a][v])
                    right++;
                else
                    firstWrong ??= placed.ContainsKey((a, v)) ? $"{values[a][v]} is not in house {placed[(a, v)]}" : $"{values[a][v]} is not placed";
            }
        return right == cells
            ? LogicCheck.Pass("every value is in its house")
            : LogicCheck.Fail($"{right} of {cells} values placed right; {firstWrong}", (double)right / cells);
    }
}
