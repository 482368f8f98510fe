using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// TRL conversational SFT rows: <c>{"messages": [...], "problem_id", "source", "model", "verifier", ...}</c>, one per
/// selected accepted trace, ordered by problem id and sample index, with no wall-clock values.
/// </summary>
public sealed class SftExporter : IExporter
{
    public string Format => "sft";

    public async Task<int> WriteAsync(ExportContext context, TextWriter writer, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var a in AcceptedTraceSelector.Select(context.Attempts, context.Options.Selection.KeepPerProblem))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new JsonObject
            {
                ["messages"] = Messages(a, context.Options),
                ["problem_id"] = a.Problem.Id,
                ["sample_index"] = a.Attempt.SampleIndex,
                ["domain"] = a.Problem.Domain.ToWire(),
            };
            Provenance.AddTo(row, a);
            await writer.WriteAsync(row.ToJsonString(ProblemJson.Compact)).ConfigureAwait(false);
            await writer.WriteAsync('\n').ConfigureAwait(false);
            count++;
        }

        return count;
    }

    private static JsonArray Messages(Ledger.LedgerAttempt a, PipelineOptions options)
    {
        var sent = JsonSerializer.Deserialize<List<MessageDto>>(a.Attempt.MessagesJson) ?? [];
        var messages = new JsonArray();
        foreach (var m in sent)
        {
            if (m.role == "system" && !options.Export.IncludeSystemPrompt)
                continue;
            messages.Add(new JsonObject { ["role"] = m.role, ["content"] = m.content });
        }

        var (reasoning, answer) = ThinkSplitter.Split(a.Attempt.Content, a.Attempt.ReasoningContent);
        var assistant = new JsonObject { ["role"] = "assistant" };
        if (options.Export.Reasoning == ReasoningFormat.ReasoningContent)
        {
            assistant["content"] = answer;
            if (reasoning is not null)
                assistant["reasoning_content"] = reasoning;
        }
        else
        {
            assistant["content"] = reasoning is null ? answer : $"<think>\n{reasoning}\n</think>\n\n{answer}";
        }

        messages.Add(assistant);
        return messages;
    }

#pragma warning disable IDE1006, CA1812 // JSON shape of the stored messages
    private sealed record MessageDto(string role, string content);
#pragma warning restore IDE1006, CA1812
}
