using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Problems;

namespace SynthData.Verification.Code;

/// <summary>
/// Batch mode of <c>synthdata verify code</c>: JSONL <c>{"id","code","tests","entry_point"?}</c> or
/// <c>{"id","code","stdin","expected_stdout"}</c> (optional <c>timeout_s</c>) in, one
/// <c>{"id","passed","kind","reason","duration_ms"}</c> line per input line out, in input order, checked in parallel.
/// A bad line gets a result with an <c>error</c> field and the batch goes on.
/// </summary>
public static class CodeBatch
{
    public static async Task<int> RunAsync(TextReader input, TextWriter output, CodeVerifier verifier, CancellationToken cancellationToken)
    {
        var chunkSize = System.Math.Max(1, verifier.Options.MaxParallelChecks) * 4;
        var chunk = new List<(int Line, string Text)>(chunkSize);
        var lineNumber = 0;
        var written = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            chunk.Add((lineNumber, line));
            if (chunk.Count == chunkSize)
                written += await FlushAsync(chunk, output, verifier, cancellationToken).ConfigureAwait(false);
        }

        return written + await FlushAsync(chunk, output, verifier, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> FlushAsync(List<(int Line, string Text)> chunk, TextWriter output, CodeVerifier verifier, CancellationToken ct)
    {
        var results = new string[chunk.Count];
        await Parallel.ForAsync(0, chunk.Count, new ParallelOptions { MaxDegreeOfParallelism = verifier.Options.MaxParallelChecks, CancellationToken = ct },
            async (i, token) => results[i] = await CheckLineAsync(chunk[i].Line, chunk[i].Text, verifier, token).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var r in results)
            await output.WriteLineAsync(r.AsMemory(), ct).ConfigureAwait(false);
        var count = chunk.Count;
        chunk.Clear();
        return count;
    }

    private static async Task<string> CheckLineAsync(int lineNumber, string line, CodeVerifier verifier, CancellationToken ct)
    {
        JsonNode? id = null;
        try
        {
            if (JsonNode.Parse(line) is not JsonObject o)
                return Error(null, lineNumber, "not a JSON object");
            id = o["id"]?.DeepClone();
            var problem = ToProblem(o);
            var verdict = await verifier.VerifyAsync(problem, ProblemJson.RequireString(o, "code"), ct).ConfigureAwait(false);
            return new JsonObject
            {
                ["id"] = id,
                ["passed"] = verdict.Accepted,
                ["kind"] = verdict.Kind,
                ["reason"] = verdict.Reason,
                ["duration_ms"] = System.Math.Round(verdict.DurationMs, 1),
            }.ToJsonString(ProblemJson.Compact);
        }
        catch (JsonException e)
        {
            return Error(id, lineNumber, "invalid JSON: " + e.Message);
        }
        catch (ProblemFormatException e)
        {
            return Error(id, lineNumber, $"field \"{e.Field}\": {e.Message}");
        }
    }

    private static Problem ToProblem(JsonObject o)
    {
        var tests = ProblemJson.OptionalString(o, "tests");
        var stdin = ProblemJson.OptionalString(o, "stdin");
        var expected = ProblemJson.OptionalString(o, "expected_stdout");
        IReadOnlyList<IoTest>? io = null;
        if (tests is null)
        {
            if (expected is null)
                throw new ProblemFormatException("tests", "expected \"tests\", or \"stdin\" and \"expected_stdout\"");
            io = [new IoTest(stdin ?? "", expected)];
        }

        JsonObject? metadata = null;
        if (o["timeout_s"] is JsonValue t && t.TryGetValue<double>(out var seconds))
        {
            if (seconds is <= 0 or > 600)
                throw new ProblemFormatException("timeout_s", "expected a number of seconds in (0, 600]");
            metadata = new JsonObject { ["timeout_s"] = seconds };
        }
        else if (o["timeout_s"] is not null)
        {
            throw new ProblemFormatException("timeout_s", "expected a number");
        }

        return new Problem
        {
            Id = "batch",
            Domain = ProblemDomain.Code,
            Prompt = "",
            Tests = tests,
            EntryPoint = ProblemJson.OptionalString(o, "entry_point"),
            IoTests = io,
            Metadata = metadata,
            Source = new ProblemOrigin { Kind = "cli", Name = "verify" },
        };
    }

    private static string Error(JsonNode? id, int lineNumber, string message) => new JsonObject
    {
        ["id"] = id,
        ["passed"] = false,
        ["kind"] = VerdictKinds.Error,
        ["reason"] = "input error",
        ["duration_ms"] = 0,
        ["error"] = $"line {lineNumber}: {message}",
    }.ToJsonString(ProblemJson.Compact);
}
