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
    private readonly ProblemFilter _filter;
    private readonly Lazy<ProblemFilter.Session> _session;
    private readonly List<DroppedProblem> _dropped = [];
    private readonly List<string> _kept = [];

    /// <summary>
    /// The dedup session (which indexes the ledger's problems) is only built when a new problem has to be judged: a
    /// batch that takes nothing new never reads the ledger's problems.
    /// </summary>
    public ProblemStage(PipelineOptions options, RunLedger ledger)
    {
        _filter = ProblemFilter.Create(options);
        _session = new Lazy<ProblemFilter.Session>(() => _filter.Start(ledger.EnumerateProblems()));
    }

    /// <summary>Judges a problem new to the ledger; a kept one is remembered, so later ones are compared with it.</summary>
    public bool Admit(Problem p)
    {
        if (_session.Value.Judge(p) is { } drop)
        {
            _dropped.Add(drop);
            return false;
        }

        _kept.Add(p.Id);
        return true;
    }

    /// <summary>A problem already in the ledger is only checked against the benchmarks (they may have been added since).</summary>
    public void Recheck(Problem p)
    {
        if (_filter.Contamination(p) is { } drop)
            _dropped.Add(drop);
        else
            _kept.Add(p.Id);
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
