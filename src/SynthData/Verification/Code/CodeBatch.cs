using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Problems;

namespace SynthData.Verification.Code;

/// <summary>
/// <c>synthdata verify code --input/--output</c>: JSONL <c>{"id","code","tests","entry_point"?}</c> or
/// <c>{"id","code","stdin","expected_stdout"}</c> (optional <c>"timeout_s"</c>) to
/// <c>{"id","passed","reason","duration_ms"}</c>, in input order, checked in parallel. A bad line gets a result
/// with <c>"error"</c> and the batch goes on.
/// </summary>
public static class CodeBatch
{
    /// <summary>Returns the number of lines that did not pass (bad lines included).</summary>
    public static async Task<int> RunAsync(TextReader input, TextWriter output, CodeVerifier verifier, CancellationToken cancellationToken)
    {
        // Bounded look-ahead keeps memory flat on huge inputs while the verifier's own limit sets the parallelism.
        var window = new Queue<Task<JsonObject>>();
        var limit = System.Math.Max(2, verifier.Options.MaxParallelChecks * 4);
        var notPassed = 0;
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            window.Enqueue(CheckLineAsync(line, lineNumber, verifier, cancellationToken));
            if (window.Count >= limit)
                notPassed += await WriteAsync(window.Dequeue(), output).ConfigureAwait(false);
        }
        while (window.Count > 0)
            notPassed += await WriteAsync(window.Dequeue(), output).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return notPassed;
    }

    private static async Task<int> WriteAsync(Task<JsonObject> result, TextWriter output)
    {
        var json = await result.ConfigureAwait(false);
        await output.WriteLineAsync(json.ToJsonString(ProblemJson.Compact)).ConfigureAwait(false);
        return json["passed"]?.GetValue<bool>() == true ? 0 : 1;
    }

    private static async Task<JsonObject> CheckLineAsync(string line, int lineNumber, CodeVerifier verifier, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (line.Trim().Length == 0)
            return Result(null, false, $"line {lineNumber}: empty line", started, error: true); // one output line per input line
        JsonObject row;
        try
        {
            row = JsonNode.Parse(line) as JsonObject ?? throw new FormatException("line is not a JSON object");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return Result(null, false, $"line {lineNumber}: invalid JSON: {e.Message}", started, error: true);
        }

        var id = row["id"]?.DeepClone();
        Problem problem;
        string code;
        try
        {
            if (!TryBuildProblem(row, lineNumber, out problem, out code, out var problemError))
                return Result(id, false, problemError, started, error: true);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses strings it cannot decode (e.g. a lone surrogate escape) this way.
            return Result(id, false, $"line {lineNumber}: unreadable string: {e.Message}", started, error: true);
        }

        // Bare code is accepted only from a reply that has no reasoning section: code inside <think> is not an answer.
        var hasThink = code.Contains("<think>", StringComparison.Ordinal) || code.Contains("</think>", StringComparison.Ordinal);
        var program = ProgramExtractor.Extract(code, acceptBareCode: !hasThink);
        if (program is null)
            return Result(id, false, "no code", started, error: false);
        var verdict = await verifier.CheckProgramAsync(problem, program, cancellationToken).ConfigureAwait(false);
        return Result(id, verdict.Accepted, $"{verdict.Kind}: {verdict.Reason}", started, error: verdict.IsVerifierError);
    }

    private static bool TryBuildProblem(JsonObject row, int lineNumber, out Problem problem, out string code, out string error)
    {
        problem = null!;
        code = Text(row, "code") ?? string.Empty;
        error = string.Empty;
        if (code.Length == 0)
        {
            error = $"line {lineNumber}: field 'code' is required";
            return false;
        }
        var tests = Text(row, "tests");
        var stdin = Text(row, "stdin");
        var expected = Text(row, "expected_stdout");
        if (tests is null && (stdin is null || expected is null))
        {
            error = $"line {lineNumber}: needs 'tests', or 'stdin' and 'expected_stdout'";
            return false;
        }
        JsonObject? metadata = null;
        if (row["timeout_s"] is { } timeout)
        {
            if (!CodeVerifier.TryReadTimeout(timeout, out var seconds))
            {
                error = $"line {lineNumber}: field 'timeout_s' must be a number of seconds in 0.1..600";
                return false;
            }
            metadata = new JsonObject { ["timeout_s"] = seconds };
        }
        problem = new Problem
        {
            Id = row["id"]?.ToString() ?? lineNumber.ToString(CultureInfo.InvariantCulture),
            Domain = ProblemDomain.Code,
            Prompt = string.Empty,
            Tests = tests,
            EntryPoint = Text(row, "entry_point"),
            IoTests = tests is null ? [new IoTest(stdin!, expected!)] : null,
            Source = ProblemOrigin.Dataset("verify-code", lineNumber),
            Metadata = metadata,
        };
        return true;
    }

    private static string? Text(JsonObject row, string key) =>
        row[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static JsonObject Result(JsonNode? id, bool passed, string reason, long started, bool error)
    {
        var result = new JsonObject
        {
            ["id"] = id,
            ["passed"] = passed,
            ["reason"] = reason,
            ["duration_ms"] = System.Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
        };
        if (error)
            result["error"] = reason;
        return result;
    }
}
