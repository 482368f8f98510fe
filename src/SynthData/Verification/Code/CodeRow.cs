using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Problems;

namespace SynthData.Verification.Code;

/// <summary>
/// One row of <c>verify code</c> (and <c>audit code</c>) input: the program (bare, or a whole model response) and its
/// tests in any form <see cref="CodeTestsJson"/> reads, or the single-case <c>stdin</c>/<c>expected_stdout</c> form.
/// </summary>
public sealed record CodeRow(Problem Problem, string? Program)
{
    /// <summary>Reads line <paramref name="lineNumber"/>; throws <see cref="CodeRowException"/> naming the field and what was expected.</summary>
    public static CodeRow Read(JsonObject row, int lineNumber)
    {
        string code;
        Problem problem;
        try
        {
            code = row["code"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : string.Empty;
            if (code.Length == 0)
                throw new CodeRowException("field 'code' is required (the program, or a whole model response)");
            problem = CodeTestsJson.Read(TestsOf(row)).ToProblem(row["id"]?.ToString() ?? lineNumber.ToString(CultureInfo.InvariantCulture), ProblemOrigin.Dataset("verify-code", lineNumber));
        }
        catch (ProblemFormatException e)
        {
            throw new CodeRowException($"field '{e.Field}': {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses strings it cannot decode (e.g. a lone surrogate escape) this way.
            throw new CodeRowException($"unreadable string: {e.Message}");
        }
        // Bare code is accepted only from a reply that has no reasoning section: code inside <think> is not an answer.
        var hasThink = code.Contains("<think>", StringComparison.Ordinal) || code.Contains("</think>", StringComparison.Ordinal);
        return new CodeRow(problem, ProgramExtractor.Extract(code, acceptBareCode: !hasThink));
    }

    /// <summary>
    /// The row's tests as a <see cref="CodeTestsJson"/> object: the row itself, except that the single-case
    /// <c>stdin</c>/<c>expected_stdout</c> form becomes one <c>inputs</c>/<c>outputs</c> case.
    /// </summary>
    private static JsonObject TestsOf(JsonObject row)
    {
        if (!row.ContainsKey("stdin") && !row.ContainsKey("expected_stdout"))
            return row;
        foreach (var other in new[] { "tests", "function_tests", "inputs", "outputs" })
        {
            if (row.ContainsKey(other))
                throw new ProblemFormatException(other, "expected exactly one kind of tests, got 'stdin'/'expected_stdout' and '" + other + "'");
        }
        var tests = new JsonObject
        {
            ["inputs"] = new JsonArray(Text(row, "stdin")),
            ["outputs"] = new JsonArray(Text(row, "expected_stdout")),
        };
        foreach (var key in new[] { "timeout_s", "float_tolerance" })
        {
            if (row.ContainsKey(key))
                tests[key] = row[key]?.DeepClone();
        }
        return tests;
    }

    private static string Text(JsonObject row, string key) =>
        row[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new ProblemFormatException(key, "expected a string ('stdin' and 'expected_stdout' go together; 'stdin' may be \"\")");
}

/// <summary>A <c>verify code</c> row that cannot be read; the message names the field and what was expected.</summary>
public sealed class CodeRowException(string message) : Exception(message);
