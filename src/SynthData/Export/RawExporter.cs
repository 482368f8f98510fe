using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Selection;
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

    public bool IsTrainingFormat => false;

    public IEnumerable<JsonNode> Rows(ProblemGroup group, PipelineOptions options, int written)
    {
        var p = group.Curated;
        var d = group.Dropped;
        foreach (var a in group.Attempts)
        {
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
                        ["version"] = v.VerifierVersion, ["duration_ms"] = StableJson.Float(v.DurationMs), ["score"] = StableJson.Float(v.EffectiveScore()),
                        // Each verifier has its own detail keys: a JSON string keeps the column one type.
                        ["details"] = v.Details?.ToJsonString(ProblemJson.Compact),
                    }
                    : null,
                ["messages"] = Conversation.Prompt(a, options.Export),
                ["response"] = a.Attempt.Content,
                ["reasoning_content"] = a.Attempt.ReasoningContent,
                ["finish_reason"] = a.Attempt.FinishReason,
                ["usage"] = new JsonObject { ["prompt_tokens"] = a.Attempt.PromptTokens, ["completion_tokens"] = a.Attempt.CompletionTokens },
                ["latency_ms"] = StableJson.Float(a.Attempt.LatencyMs),
                ["tries"] = a.Attempt.Tries,
                ["response_id"] = a.Attempt.ResponseId,
                ["run_id"] = a.Attempt.RunId,
                ["source"] = StableJson.Source(a.Problem.Source),
                ["model"] = a.Attempt.Model,
                ["sampling"] = StableJson.Sampling(a.Attempt.SamplingJson),
                ["quality_filter"] = p?.FilterReason(a),
                // Every key on every row (null where it does not apply): one schema per export.
                ["selected"] = p?.Selected.Contains(a) ?? false,
                ["split"] = p?.Split,
                ["problem_dropped"] = d is null ? null : new JsonObject { ["reason"] = d.Reason, ["matched"] = d.Matched, ["score"] = StableJson.Float(d.Score) },
            };
            yield return row;
        }
    }
}
