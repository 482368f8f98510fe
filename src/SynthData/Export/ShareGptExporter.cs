using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// LLaMA-Factory ShareGPT rows: <c>{"conversations": [{"from":"human","value"},{"from":"gpt","value"}], "system"?}</c>,
/// one per selected trace; the reasoning goes into the reply as <c>&lt;think&gt;…&lt;/think&gt;</c>.
/// </summary>
public sealed class ShareGptExporter : IExporter
{
    public string Format => "sharegpt";

    public bool IsTrainingFormat => true;

    public IEnumerable<JsonNode> Rows(ProblemGroup group, PipelineOptions options, int written)
    {
        if (group.Curated is not { } p)
            yield break;
        foreach (var a in p.Selected)
        {
            var row = new JsonObject
            {
                ["conversations"] = new JsonArray(Human(a), Gpt(a)),
            };
            if (System(a, options.Export) is { } system)
                row["system"] = system;
            row["problem_id"] = a.Problem.Id;
            row["sample_index"] = a.Attempt.SampleIndex;
            row["domain"] = a.Problem.Domain.ToWire();
            row["source"] = StableJson.Source(a.Problem.Source);
            row["model"] = a.Attempt.Model;
            yield return row;
        }
    }

    public static JsonObject Human(Ledger.LedgerAttempt a) => new() { ["from"] = "human", ["value"] = Conversation.UserText(a) };

    public static JsonObject Gpt(Ledger.LedgerAttempt a) => new() { ["from"] = "gpt", ["value"] = Conversation.WithThinkTags(a) };

    /// <summary>The system prompt the row carries (LLaMA-Factory's <c>system</c> column), when configured and sent.</summary>
    public static string? System(Ledger.LedgerAttempt a, ExportOptions options) =>
        options.IncludeSystemPrompt ? Conversation.SystemText(a) : null;
}
