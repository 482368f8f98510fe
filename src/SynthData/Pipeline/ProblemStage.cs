using Microsoft.Extensions.Logging;
using SynthData.Config;
using SynthData.Filtering;
using SynthData.Filtering.Index;
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
    private readonly List<DroppedProblem> _dropped = [];
    private readonly List<string> _kept = [];
    private ProblemFilter.Session? _session;

    public ProblemStage(PipelineOptions options)
    {
        _filter = ProblemFilter.Create(options);
    }

    /// <summary>
    /// Judges a problem new to the ledger against the ledger's dedup index (inside the batch's intake); a kept one is
    /// remembered there, so later ones are compared with it. The index is opened only when a new problem has to be
    /// judged, and indexes only the ledger's problems it does not hold yet: a batch never re-hashes the ledger.
    /// </summary>
    public bool Admit(Problem p, LedgerIntake intake)
    {
        if (_session is null)
        {
            // Without dedup the judge only decontaminates: no index is read (or rebuilt for another layout).
            IDedupIndex index = _filter.Deduplicates ? intake.DedupIndex(_filter.IndexLayout) : new MemoryDedupIndex();
            _session = _filter.Start(index, (index as LedgerDedupIndex)?.Unindexed() ?? []);
        }

        if (_session.Judge(p) is { } drop)
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
