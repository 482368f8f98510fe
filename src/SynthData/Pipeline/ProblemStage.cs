using Microsoft.Extensions.Logging;
using SynthData.Config;
using SynthData.Filtering;
using SynthData.Ledger;
using SynthData.Problems;

namespace SynthData.Pipeline;

/// <summary>Applies the <see cref="ProblemFilter"/> to a run's problems before they enter the ledger, and records what it dropped.</summary>
public static class ProblemStage
{
    public static List<Problem> Filter(PipelineOptions options, RunLedger ledger, IReadOnlyList<Problem> collected, long runId, RunSummary summary, ILogger logger)
    {
        var result = ProblemFilter.Create(options).Apply(collected, ledger.ReadProblems());
        ledger.Record(result.Dropped, result.Kept.Select(p => p.Id), runId);
        foreach (var d in result.Dropped)
        {
            summary.DroppedProblemList.Add(d);
            summary.DropReasons[d.Reason] = summary.DropReasons.GetValueOrDefault(d.Reason) + 1;
        }

        summary.DroppedProblems = result.Dropped.Count;
        if (result.Dropped.Count > 0)
        {
            logger.LogInformation("{Dropped} problems dropped before sampling: {Reasons}", result.Dropped.Count,
                string.Join(", ", summary.DropReasons.Select(kv => $"{kv.Key} {kv.Value}")));
        }

        return result.Kept;
    }
}
