using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Problems;

namespace SynthData.Verification.Code;

/// <summary>
/// <c>synthdata verify code --input/--output</c>: one JSONL row per program with its tests in any form that
/// <c>generate</c>, the <c>rl</c> export and the APPS/TACO sets use — <c>{"id","code","tests","entry_point"?}</c>,
/// <c>{"id","code","function_tests","entry_point"}</c>, <c>{"id","code","inputs","outputs","fn_name"?}</c> (see
/// <see cref="CodeTestsJson"/>) or <c>{"id","code","stdin","expected_stdout"}</c>, each with optional
/// <c>"timeout_s"</c> and <c>"float_tolerance"</c> — to <c>{"id","passed","score","reason","duration_ms"}</c>, in
/// input order, checked in parallel. A bad line gets a result with <c>"error"</c> (and score 0) and the batch goes on.
/// </summary>
public static class CodeBatch
{
    public static async Task<CodeBatchSummary> RunAsync(TextReader input, TextWriter output, CodeVerifier verifier, CancellationToken cancellationToken)
    {
        // Bounded look-ahead keeps memory flat on huge inputs while the verifier's own limit sets the parallelism.
        var window = new Queue<Task<LineResult>>();
        var limit = System.Math.Max(2, verifier.Options.MaxParallelChecks * 4);
        var summary = new CodeBatchSummary();
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            window.Enqueue(CheckLineAsync(line, lineNumber, verifier, cancellationToken));
            if (window.Count >= limit)
                summary = Add(summary, await WriteAsync(window.Dequeue(), output).ConfigureAwait(false));
        }
        while (window.Count > 0)
            summary = Add(summary, await WriteAsync(window.Dequeue(), output).ConfigureAwait(false));
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private static async Task<LineResult> WriteAsync(Task<LineResult> result, TextWriter output)
    {
        var line = await result.ConfigureAwait(false);
        await output.WriteLineAsync(line.Json.ToJsonString(ProblemJson.Compact)).ConfigureAwait(false);
        return line;
    }

    private static async Task<LineResult> CheckLineAsync(string line, int lineNumber, CodeVerifier verifier, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (line.Trim().Length == 0)
            return InputError(null, lineNumber, "empty line", started); // one output line per input line
        JsonObject row;
        try
        {
            row = JsonNode.Parse(line) as JsonObject ?? throw new FormatException("line is not a JSON object");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return InputError(null, lineNumber, $"invalid JSON: {e.Message}", started);
        }

        var id = row["id"]?.DeepClone();
        CodeRow parsed;
        try
        {
            parsed = CodeRow.Read(row, lineNumber);
        }
        catch (CodeRowException e)
        {
            return InputError(id, lineNumber, e.Message, started);
        }
        if (parsed.Program is not { } program)
            return new LineResult(Result(id, false, 0, "no code", started), LineKind.NotPassed);
        var problem = parsed.Problem;
        var verdict = await verifier.CheckProgramAsync(problem, program, cancellationToken).ConfigureAwait(false);
        var json = Result(id, verdict.Accepted, verdict.EffectiveScore(), $"{verdict.Kind}: {verdict.Reason}", started);
        if (verdict.IsVerifierError)
        {
            json["error"] = json["reason"]!.GetValue<string>();
            return new LineResult(json, LineKind.VerifierError);
        }
        return new LineResult(json, verdict.Accepted ? LineKind.Passed : LineKind.NotPassed);
    }

    private static LineResult InputError(JsonNode? id, int lineNumber, string message, long started)
    {
        var json = Result(id, false, 0, $"line {lineNumber}: {message}", started);
        json["error"] = json["reason"]!.GetValue<string>();
        return new LineResult(json, LineKind.InputError);
    }

    private static JsonObject Result(JsonNode? id, bool passed, double score, string reason, long started) => new()
    {
        ["id"] = id,
        ["passed"] = passed,
        ["score"] = score,
        ["reason"] = reason,
        ["duration_ms"] = System.Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
    };

    private enum LineKind { Passed, NotPassed, InputError, VerifierError }

    private sealed record LineResult(JsonObject Json, LineKind Kind);

    private static CodeBatchSummary Add(CodeBatchSummary s, LineResult line) => line.Kind switch
    {
        LineKind.Passed => s with { Lines = s.Lines + 1, Passed = s.Passed + 1 },
        LineKind.NotPassed => s with { Lines = s.Lines + 1, NotPassed = s.NotPassed + 1 },
        LineKind.InputError => s with { Lines = s.Lines + 1, InputErrors = s.InputErrors + 1 },
        _ => s with { Lines = s.Lines + 1, VerifierErrors = s.VerifierErrors + 1 },
    };
}
