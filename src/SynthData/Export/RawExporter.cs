using System.Text.Json.Nodes;
using SynthData.Problems;
using SynthData.Verification;

namespace SynthData.Export;

/// <summary>
/// Every attempt with its verdict and provenance, for audits: <c>{"problem_id", "sample_index", "accepted", "verdict",
/// "response", "usage", ...}</c>, plus what curation decided (quality filter, selected, split, problem dropped).
/// Carries timings, so unlike the training exports it is not byte-stable across reruns.
/// </summary>
public sealed class RawExporter : IExporter
{
    public string Format => "raw";

    public async Task<int> WriteAsync(ExportContext context, TextWriter writer, CancellationToken cancellationToken)
    {
        var curated = context.Dataset.Problems.ToDictionary(p => p.Problem.Id, StringComparer.Ordinal);
        var dropped = context.DroppedProblems.ToDictionary(d => d.Problem.Id, StringComparer.Ordinal);
        var count = 0;
        foreach (var a in context.Attempts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new JsonObject
            {
                ["problem_id"] = a.Problem.Id,
                ["sample_index"] = a.Attempt.SampleIndex,
                ["domain"] = a.Problem.Domain.ToWire(),
                ["accepted"] = a.Verdict?.Accepted ?? false,
                ["verdict"] = a.Verdict is { } v
                    ? new JsonObject
                    {
                        ["kind"] = v.Kind, ["reason"] = v.Reason, ["extracted"] = v.Extracted, ["verifier"] = v.Verifier,
                        ["version"] = v.VerifierVersion, ["duration_ms"] = v.DurationMs, ["score"] = v.EffectiveScore(),
                        ["details"] = v.Details?.DeepClone(),
                    }
                    : null,
                ["messages"] = Conversation.Prompt(a, context.Options.Export),
                ["response"] = a.Attempt.Content,
                ["reasoning_content"] = a.Attempt.ReasoningContent,
                ["finish_reason"] = a.Attempt.FinishReason,
                ["usage"] = new JsonObject { ["prompt_tokens"] = a.Attempt.PromptTokens, ["completion_tokens"] = a.Attempt.CompletionTokens },
                ["latency_ms"] = a.Attempt.LatencyMs,
                ["tries"] = a.Attempt.Tries,
                ["response_id"] = a.Attempt.ResponseId,
                ["run_id"] = a.Attempt.RunId,
                ["source"] = ProblemJson.SourceToJson(a.Problem.Source),
                ["model"] = a.Attempt.Model,
                ["sampling"] = JsonNode.Parse(a.Attempt.SamplingJson),
                ["quality_filter"] = context.Dataset.FilterReason(a),
            };
            if (curated.TryGetValue(a.Problem.Id, out var p))
            {
                row["selected"] = p.Selected.Contains(a);
                row["split"] = p.Split;
            }
            else if (dropped.TryGetValue(a.Problem.Id, out var d))
            {
                row["selected"] = false;
                row["problem_dropped"] = new JsonObject { ["reason"] = d.Reason, ["matched"] = d.Matched, ["score"] = d.Score };
            }

            await JsonlRows.WriteAsync(writer, row).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
