using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// TRL conversational SFT rows, one per selected accepted trace, ordered by problem id and sample index, with no
/// wall-clock values. <c>export.sft_style: prompt_completion</c> (default): <c>{"prompt": [system?, user],
/// "completion": [assistant], "messages": [...], "problem_id", ...}</c>: TRL takes prompt and completion (training on
/// the completion only), <c>messages</c> keeps the whole conversation; <c>messages</c>: only <c>messages</c>.
/// </summary>
public sealed class SftExporter : IExporter
{
    public string Format => "sft";

    public bool IsTrainingFormat => true;

    public IEnumerable<JsonNode> Rows(ProblemGroup group, PipelineOptions options, int written)
    {
        if (group.Curated is not { } p)
            yield break;
        var export = options.Export;
        foreach (var a in p.Selected)
        {
            var messages = Conversation.Prompt(a, export);
            var assistant = Conversation.Assistant(a, export);
            var row = new JsonObject();
            if (export.SftStyle == SftStyle.PromptCompletion)
            {
                row["prompt"] = messages.DeepClone();
                row["completion"] = new JsonArray(assistant.DeepClone());
            }

            messages.Add(assistant);
            row["messages"] = messages;
            row["problem_id"] = a.Problem.Id;
            row["sample_index"] = a.Attempt.SampleIndex;
            row["domain"] = a.Problem.Domain.ToWire();
            Provenance.AddTo(row, a);
            yield return row;
        }
    }
}
