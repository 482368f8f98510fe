using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.Cryptarithm;

/// <summary>
/// Checks a cryptarithm answer by the rules: every letter gets one digit, different letters different digits, no
/// leading zero, and the addition is true. A failing answer earns the fraction of letters that match the puzzle's
/// solution (proved unique at generation).
/// </summary>
internal static partial class CryptarithmChecker
{
    private const int MaxPairs = 1_000;

    public static string Prompt(IReadOnlyList<string> addends, string result)
    {
        var width = result.Length + 2;
        var sum = new StringBuilder();
        for (var i = 0; i < addends.Count; i++)
            sum.Append(i == addends.Count - 1 ? "+ " : "  ").Append(addends[i].PadLeft(width - 2)).Append('\n');
        sum.Append(new string('-', width)).Append('\n').Append(result.PadLeft(width));
        var letters = string.Join(", ", addends.Append(result).SelectMany(w => w).Distinct().Order());
        return $"""
            Solve this cryptarithm: each letter stands for a digit, different letters for different digits, and no number starts with 0.

            ```
            {sum}
            ```

            That is: {string.Join(" + ", addends)} = {result}. The solution is unique.

            Answer format: one line per letter ({letters}) as `LETTER = DIGIT`, inside a final fenced code block (```), for example
            ```
            A = 1
            B = 7
            ```
            """;
    }

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var addends = InstanceFields.Strings(instance, "addends");
        var result = InstanceFields.String(instance, "result");
        var letters = addends.Append(result).SelectMany(w => w).Distinct().ToList();
        var solution = instance["solution"] as JsonObject ?? throw new LogicInstanceException("solution", "an object of letter: digit");
        var expected = letters.ToDictionary(l => l, l => InstanceFields.Int(solution, l.ToString(), 0, 9));
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block");
        var given = new Dictionary<char, int>();
        foreach (var match in Pair().Matches(answer).Take(MaxPairs))
        {
            var letter = char.ToUpperInvariant(match.Groups["letter"].Value[0]);
            var digit = match.Groups["digit"].Value[0] - '0';
            if (!letters.Contains(letter))
                return LogicCheck.Fail($"'{letter}' is not a letter of the puzzle");
            if (given.TryGetValue(letter, out var before) && before != digit)
                return LogicCheck.Fail($"{letter} is given two digits ({before} and {digit})", Credit(given, expected));
            given[letter] = digit;
        }
        var credit = Credit(given, expected);
        if (letters.FirstOrDefault(l => !given.ContainsKey(l)) is var missing and not '\0')
            return LogicCheck.Fail($"{missing} has no digit", credit);
        var clash = given.GroupBy(p => p.Value).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            return LogicCheck.Fail($"{string.Join(" and ", clash.Select(p => p.Key))} share the digit {clash.Key}", credit);
        if (addends.Append(result).FirstOrDefault(w => w.Length > 1 && given[w[0]] == 0) is { } zero)
            return LogicCheck.Fail($"{zero} starts with 0", credit);
        var left = addends.Sum(w => Value(w, given));
        var right = Value(result, given);
        return left == right
            ? LogicCheck.Pass($"the addition holds: {left} = {right}")
            : LogicCheck.Fail($"the addition is false: the addends sum to {left}, not {right}", credit);
    }

    private static double Credit(Dictionary<char, int> given, Dictionary<char, int> expected) =>
        (double)expected.Count(p => given.TryGetValue(p.Key, out var d) && d == p.Value) / expected.Count;

    private static long Value(string word, Dictionary<char, int> digits) => word.Aggregate(0L, (v, c) => v * 10 + digits[c]);

    // "S = 9", "s:9", "S -> 9", "S=9, E=5" (several per line).
    [GeneratedRegex(@"(?<![A-Za-z])(?<letter>[A-Za-z])\s*(=|:|->|→|is)?\s*(?<digit>\d)(?!\d)")]
    private static partial Regex Pair();
}
