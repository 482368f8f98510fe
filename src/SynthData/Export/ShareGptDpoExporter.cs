using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// The DPO pairs in LLaMA-Factory's ShareGPT preference form (a <c>ranking: true</c> dataset):
/// <c>{"conversations": [{"from":"human","value"}], "chosen": {"from":"gpt","value"}, "rejected": {"from":"gpt","value"}, "system"?}</c>,
/// the same pairs as the <c>dpo</c> export.
/// </summary>
public sealed class ShareGptDpoExporter : IExporter
{
    public string Format => "sharegpt_dpo";

    public bool IsTrainingFormat => true;

    public IEnumerable<JsonNode> Rows(ProblemGroup group, PipelineOptions options, int written)
    {
        if (group.Curated is not { } p)
            yield break;
        foreach (var (chosen, rejected) in DpoExporter.Pairs(p, options.Export.Dpo))
        {
            var row = new JsonObject
            {
                ["conversations"] = new JsonArray(ShareGptExporter.Human(chosen)),
                ["chosen"] = ShareGptExporter.Gpt(chosen),
                ["rejected"] = ShareGptExporter.Gpt(rejected),
            };
            if (ShareGptExporter.System(chosen, options.Export) is { } system)
                row["system"] = system;
            row["problem_id"] = p.Problem.Id;
            row["domain"] = p.Problem.Domain.ToWire();
            row["chosen_sample_index"] = chosen.Attempt.SampleIndex;
            row["rejected_sample_index"] = rejected.Attempt.SampleIndex;
            row["rejected_kind"] = rejected.Verdict!.Kind;
            yield return row;
        }
    }
}
