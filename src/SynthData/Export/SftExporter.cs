using System.Text.Json.Nodes;
using SynthData.Problems;

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
        var options = context.Options.Export;
        foreach (var a in context.Problems.SelectMany(p => p.Selected))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var messages = Conversation.Prompt(a, options);
            messages.Add(Conversation.Assistant(a, options));
            var row = new JsonObject
            {
                ["messages"] = messages,
                ["problem_id"] = a.Problem.Id,
                ["sample_index"] = a.Attempt.SampleIndex,
                ["domain"] = a.Problem.Domain.ToWire(),
            };
            Provenance.AddTo(row, a);
            await JsonlRows.WriteAsync(writer, row).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
