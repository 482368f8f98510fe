using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Problems;
using SynthData.Verification;

namespace SynthData.Logic.Domain;

/// <summary>What a <c>verify logic</c> batch found.</summary>
public sealed record LogicBatchSummary(int Lines, int Accepted, int Rejected, int InputErrors);

/// <summary>
/// Batch mode of <c>synthdata verify logic</c> (DESIGN.md §2): reads JSONL <c>{"id", "problem", "response"}</c>, where
/// <c>problem</c> is a problem object as <c>generate</c> prints it, and writes one <c>{"id", "accepted", "score",
/// "reason"}</c> line per input line, in input order. A bad line gets a result with <c>error</c> naming the line and
/// field, and the batch goes on.
/// </summary>
public static class LogicBatch
{
    public static async Task<LogicBatchSummary> RunAsync(TextReader input, TextWriter output, LogicVerifier verifier, CancellationToken cancellationToken)
    {
        var (lines, accepted, rejected, errors) = (0, 0, 0, 0);
        await OrderedLineBatch.RunAsync(input, output, (lineNumber, line) => CheckLine(lineNumber, line, verifier), ok =>
        {
            lines++;
            if (ok is null)
                errors++;
            else if (ok.Value)
                accepted++;
            else
                rejected++;
        }, cancellationToken).ConfigureAwait(false);
        return new LogicBatchSummary(lines, accepted, rejected, errors);
    }

    private static (string Json, bool? Accepted) CheckLine(int lineNumber, string line, LogicVerifier verifier)
    {
        JsonNode? id = null;
        try
        {
            if (string.IsNullOrWhiteSpace(line))
                return (Error(null, lineNumber, "empty line"), null);
            if (JsonNode.Parse(line) is not JsonObject obj)
                return (Error(null, lineNumber, "not a JSON object"), null);
            id = obj["id"]?.DeepClone();
            if (obj["problem"] is not JsonObject problemJson)
                return (Error(id, lineNumber, "field \"problem\": expected a problem object as `synthdata generate` prints it"), null);
            if (obj["response"] is not JsonValue r || r.GetValueKind() != JsonValueKind.String)
                return (Error(id, lineNumber, "field \"response\": expected the model's response as a string"), null);
            var problem = ProblemJson.FromJson(problemJson, ProblemOrigin.Dataset("verify-logic", lineNumber));
            if (problem.Domain != ProblemDomain.Logic)
                return (Error(id, lineNumber, $"field \"problem.domain\": expected \"logic\", got \"{problem.Domain.ToWire()}\" (use verify {problem.Domain.ToWire()})"), null);
            var verdict = verifier.Verify(problem, r.GetValue<string>());
            if (verdict.IsVerifierError)
                return (Error(id, lineNumber, verdict.Reason), null);
            var json = new JsonObject
            {
                ["id"] = id,
                ["accepted"] = verdict.Accepted,
                ["score"] = Math.Round(verdict.Score ?? (verdict.Accepted ? 1 : 0), 6),
                ["reason"] = verdict.Reason,
            };
            return (json.ToJsonString(ProblemJson.Compact), verdict.Accepted);
        }
        catch (ProblemFormatException e)
        {
            return (Error(id, lineNumber, $"field \"problem.{e.Field}\": {e.Message}"), null);
        }
        catch (JsonException e)
        {
            return (Error(id, lineNumber, "invalid JSON: " + e.Message), null);
        }
        catch (InvalidOperationException e)
        {
            return (Error(id, lineNumber, "unreadable value: " + e.Message), null);
        }
    }

    private static string Error(JsonNode? id, int lineNumber, string message) => new JsonObject
    {
        ["id"] = id,
        ["accepted"] = false,
        ["score"] = 0,
        ["reason"] = "input error",
        ["error"] = $"line {lineNumber}: {message}",
    }.ToJsonString(ProblemJson.Compact);
}
