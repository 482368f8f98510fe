using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// TRL conversational preference rows: <c>{"prompt": [messages], "chosen": [assistant], "rejected": [assistant],
/// "problem_id", ...}</c>. Chosen = a selected accepted trace, rejected = a verifier-rejected attempt of the same
/// problem, picked by <c>export.dpo.rejected_kinds</c> preference; problems lacking either side give no pair.
/// </summary>
public sealed class DpoExporter : IExporter
{
    public string Format => "dpo";

    public bool IsTrainingFormat => true;

    public IEnumerable<JsonNode> Rows(ProblemGroup group, PipelineOptions pipeline, int written)
    {
        if (group.Curated is not { } problem)
            yield break;
        var options = pipeline.Export;
        foreach (var (chosen, rejected) in Pairs(problem, options.Dpo))
        {
            var row = new JsonObject
            {
                ["prompt"] = Conversation.Prompt(chosen, options),
                ["chosen"] = new JsonArray(Conversation.Assistant(chosen, options)),
                ["rejected"] = new JsonArray(Conversation.Assistant(rejected, options)),
                ["problem_id"] = problem.Problem.Id,
                ["domain"] = problem.Problem.Domain.ToWire(),
                ["chosen_sample_index"] = chosen.Attempt.SampleIndex,
                ["rejected_sample_index"] = rejected.Attempt.SampleIndex,
                ["rejected_kind"] = rejected.Verdict!.Kind,
                ["rejected_reason"] = rejected.Verdict.Reason,
            };
            Provenance.AddTo(row, chosen);
            yield return row;
        }
    }

    /// <summary>Each pair takes the next preferred rejected attempt; chosen traces are used in turn.</summary>
    public static IEnumerable<(LedgerAttempt Chosen, LedgerAttempt Rejected)> Pairs(CuratedProblem problem, DpoOptions options)
    {
        if (problem.Selected.Count == 0)
            yield break;
        var rejected = problem.Rejected
            .Where(a => options.RejectedKinds.Contains(a.Verdict!.Kind) && !string.IsNullOrWhiteSpace(a.Attempt.Content))
            .OrderBy(a => options.RejectedKinds.IndexOf(a.Verdict!.Kind))
            .ThenBy(a => a.Attempt.SampleIndex)
            .Take(options.PairsPerProblem)
            .ToList();
        for (var i = 0; i < rejected.Count; i++)
            yield return (problem.Selected[i % problem.Selected.Count], rejected[i]);
    }
}
