using System.Text.Json.Nodes;
using SynthData.Logic.Arithmetic;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.Game24;

/// <summary>Checks a 24 answer by exact evaluation: exactly the four numbers, each once; the value must be 24.</summary>
internal static class Game24Checker
{
    public static string Prompt(IReadOnlyList<int> numbers) => $"""
        The 24 game. Using the four numbers {string.Join(", ", numbers)}, write an arithmetic expression whose value is exactly 24.

        Rules:
        - Use every number exactly once (a number listed twice is used twice); no other numbers.
        - Only + - * / and brackets are allowed; no unary minus, no concatenating digits, no powers.
        - Arithmetic is exact: fractions are allowed in intermediate steps.

        Answer format: the expression alone on one line inside a final fenced code block (```), for example
        ```
        (a + b) * (c - d)
        ```
        with your numbers in place of a, b, c, d.
        """;

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var numbers = InstanceFields.Ints(instance, "numbers", 1, 1_000_000);
        if (NumberUse.ReadAnswer(response, numbers, out var rejection) is not { } parsed)
            return rejection;
        if (parsed.Numbers.Count != numbers.Length)
            return LogicCheck.Fail($"uses {parsed.Numbers.Count} of the {numbers.Length} numbers; every number must be used");
        if (parsed.Value == Game24Solver.Goal)
            return LogicCheck.Pass("the expression uses every number once and equals 24");
        return LogicCheck.Fail($"the expression equals {parsed.Value}, not 24", NumberUse.Closeness(parsed.Value, Game24Solver.Goal));
    }
}
