using Microsoft.Extensions.Logging;
using SynthData.Config;
using SynthData.Filtering;
using SynthData.Ledger;
using SynthData.Problems;

namespace SynthData.Pipeline;

/// <summary>
/// Applies the <see cref="ProblemFilter"/> to a run's problems as they stream from the sources, before they enter the
/// ledger, and records what it dropped (with the reason and what it matched) when the pass is complete.
/// </summary>
public sealed class ProblemStage
{
    private readonly ProblemFilter.Session _session;
    private readonly List<DroppedProblem> _dropped = [];
    private readonly List<string> _kept = [];

    public ProblemStage(PipelineOptions options, RunLedger ledger) =>
        _session = ProblemFilter.Create(options).Start(ledger.ReadProblems());

    /// <summary>Ids dropped so far: the second pass over the sources skips them.</summary>
    public HashSet<string> DroppedIds { get; } = new(StringComparer.Ordinal);

    public bool Admit(Problem p)
    {
        if (_session.Judge(p) is { } drop)
        {
            _dropped.Add(drop);
            DroppedIds.Add(p.Id);
            return false;
        }

        _kept.Add(p.Id);
        return true;
    }

    public void Complete(RunLedger ledger, long runId, RunSummary summary, ILogger logger)
    {
        ledger.Record(_dropped, _kept, runId);
        foreach (var d in _dropped)
        {
            summary.DroppedProblemList.Add(d);
            summary.DropReasons[d.Reason] = summary.DropReasons.GetValueOrDefault(d.Reason) + 1;
        }

        summary.DroppedProblems = _dropped.Count;
        if (_dropped.Count > 0)
        {
            logger.LogInformation("{Dropped} problems dropped before sampling: {Reasons}", _dropped.Count,
                string.Join(", ", summary.DropReasons.Select(kv => $"{kv.Key} {kv.Value}")));
        }
    }
}
