using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.Sat;

/// <summary>
/// Checks an assignment by the rules: every variable true or false (once), every clause has a true literal. Score =
/// the fraction of clauses satisfied (an unassigned variable makes none of its literals true).
/// </summary>
internal static partial class SatChecker
{
    private const int MaxLines = 10_000;

    public static string Prompt(int variables, IReadOnlyList<int[]> clauses) => $"""
        Find an assignment of true/false to the variables x1 .. x{variables} that satisfies every clause below. Each clause is a disjunction (OR) of literals; ¬x means "not x". All clauses must be true.

        {string.Join('\n', clauses.Select((c, i) => $"{i + 1}. " + string.Join(" ∨ ", c.Select(l => l > 0 ? $"x{l}" : $"¬x{-l}"))))}

        Answer format: one line per variable as `xN = true` or `xN = false`, inside a final fenced code block (```), for example
        ```
        x1 = true
        x2 = false
        ```
        """;

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var variables = InstanceFields.Int(instance, "variables", 1, 10_000);
        var clauses = InstanceFields.IntRows(instance, "clauses", -variables, variables);
        if (clauses.Any(c => c.Length == 0 || c.Contains(0)))
            throw new LogicInstanceException("clauses", "non-empty arrays of non-zero literals");
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block");
        var value = new int[variables + 1];
        string? problem = null;
        foreach (var line in LogicAnswer.Lines(answer).Take(MaxLines))
            foreach (Match m in Assignment().Matches(line))
            {
                if (!int.TryParse(m.Groups["v"].Value, out var v) || v < 1 || v > variables)
                {
                    problem ??= $"there is no variable x{m.Groups["v"].Value}";
                    continue;
                }
                var truth = m.Groups["t"].Value.ToLowerInvariant() is "true" or "t" or "1" ? 1 : -1;
                if (value[v] != 0 && value[v] != truth)
                    problem ??= $"x{v} is given both values";
                value[v] = truth;
            }
        var satisfied = clauses.Count(c => c.Any(l => value[Math.Abs(l)] == (l > 0 ? 1 : -1)));
        var score = (double)satisfied / clauses.Length;
        if (problem is not null)
            return LogicCheck.Fail(problem, score);
        var missing = Array.IndexOf(value, 0, 1);
        if (missing > 0)
            return LogicCheck.Fail($"x{missing} has no value", score);
        if (satisfied < clauses.Length)
        {
            var index = Array.FindIndex(clauses, c => !c.Any(l => value[Math.Abs(l)] == (l > 0 ? 1 : -1)));
            return LogicCheck.Fail($"clause {index + 1} is false ({satisfied} of {clauses.Length} satisfied)", score);
        }
        return LogicCheck.Pass("every clause is satisfied");
    }

    // "x3 = true", "X3: F", "x3=0".
    [GeneratedRegex(@"(?i)\bx(?<v>\d{1,9})\s*(=|:|->|is)?\s*(?<t>true|false|t|f|1|0)\b")]
    private static partial Regex Assignment();
}
