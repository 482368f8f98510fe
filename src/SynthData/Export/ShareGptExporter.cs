using System.Text.Json.Nodes;
using SynthData.Problems;

namespace SynthData.Export;

/// <summary>
/// LLaMA-Factory ShareGPT rows: <c>{"conversations": [{"from":"human","value"},{"from":"gpt","value"}], "system"?}</c>,
/// one per selected trace; the reasoning goes into the reply as <c>&lt;think&gt;…&lt;/think&gt;</c>.
/// </summary>
public sealed class ShareGptExporter : IExporter
{
    public string Format => "sharegpt";

    public async Task<int> WriteAsync(ExportContext context, TextWriter writer, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var a in context.Problems.SelectMany(p => p.Selected))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new JsonObject
            {
                ["conversations"] = new JsonArray(
                    new JsonObject { ["from"] = "human", ["value"] = Conversation.UserText(a) },
                    new JsonObject { ["from"] = "gpt", ["value"] = Conversation.WithThinkTags(a) }),
            };
            if (context.Options.Export.IncludeSystemPrompt && Conversation.SystemText(a) is { } system)
                row["system"] = system;
            row["problem_id"] = a.Problem.Id;
            row["sample_index"] = a.Attempt.SampleIndex;
            row["domain"] = a.Problem.Domain.ToWire();
            row["source"] = StableJson.Source(a.Problem.Source);
            row["model"] = a.Attempt.Model;
            await JsonlRows.WriteAsync(writer, row).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
