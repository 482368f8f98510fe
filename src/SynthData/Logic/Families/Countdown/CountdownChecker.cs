using System.Globalization;
using System.Text.Json.Nodes;
using SynthData.Logic.Arithmetic;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.Countdown;

/// <summary>
/// Checks a Countdown answer by exact evaluation: only the given numbers, each at most as often as given; the value
/// must equal the target. A valid expression that misses scores by closeness (below 1).
/// </summary>
internal static class CountdownChecker
{
    public static string Prompt(IReadOnlyList<int> numbers, long target) =>
        string.Create(CultureInfo.InvariantCulture, $"""
        Countdown numbers puzzle. Using the numbers {string.Join(", ", numbers)}, write an arithmetic expression whose value is exactly {target}.

        Rules:
        - Each given number may be used at most once (a number listed twice may be used twice); you need not use them all.
        - Only + - * / and brackets are allowed; no other numbers, no unary minus, no concatenating digits.
        - Arithmetic is exact (fractions are allowed in intermediate steps).

        Answer format: the expression alone on one line inside a final fenced code block (```), for example
        ```
        (a + b) * c
        ```
        with your numbers in place of a, b, c.
        """);

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var numbers = InstanceFields.Ints(instance, "numbers", 1, 1_000_000);
        var target = InstanceFields.Int(instance, "target");
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block");
        var parsed = ArithmeticExpression.TryEvaluate(ArithmeticExpression.ExpressionPart(answer), out var error);
        if (parsed is null)
            return LogicCheck.Fail($"not a valid expression: {error}");
        if (NumberUse.Overused(parsed.Numbers, numbers) is { } bad)
            return LogicCheck.Fail($"uses {bad} more often than it is given");
        if (parsed.Value == target)
            return LogicCheck.Pass($"the expression equals {target} and uses only the given numbers");
        return LogicCheck.Fail($"the expression equals {parsed.Value}, not {target}", NumberUse.Closeness(parsed.Value, target));
    }
}
