using SynthData.Config;
using SynthData.Ledger;
using SynthData.Problems;

namespace SynthData.Pipeline.Adaptive;

/// <summary>
/// The sampler's feed under adaptive budgets: rounds of waves. Each round reads the ledger once every result of the
/// previous round (and every re-verification) is committed, asks each open problem for its next wave and queues those
/// samples; a problem decided by the stopping rules gets nothing more. What a round queues depends only on the ledger,
/// so an interrupted run resumed later requests exactly the samples the uninterrupted run would have.
/// </summary>
public sealed class WaveProducer(PipelineOptions options, RunLedger ledger, IReadOnlyList<string> sourceKeys, string fingerprint, WaveBarrier barrier)
{
    /// <summary>Samples whose request failed for good in this run: left for the next run, not asked again in a later round.</summary>
    private readonly HashSet<(string, int)> _failed = [];
    private readonly Lock _gate = new();

    /// <summary>Rounds that queued samples.</summary>
    public int Rounds { get; private set; }

    public void Failed(string problemId, IEnumerable<int> indexes)
    {
        lock (_gate)
            foreach (var i in indexes)
                _failed.Add((problemId, i));
    }

    /// <param name="enqueue">Queues one request: the problem, its group (start, size) and the indexes of it wanted.</param>
    public async Task RunAsync(Func<Problem, int, int, List<int>, ValueTask> enqueue, CancellationToken ct)
    {
        var scheduler = new AdaptiveScheduler(options, ledger, sourceKeys, fingerprint);
        var groups = SamplingPlan.Groups(options.Model).ToList();
        await barrier.WhenDrained(ct).ConfigureAwait(false); // re-verification first: it can complete a wave
        while (!ct.IsCancellationRequested)
        {
            var queued = 0;
            foreach (var p in scheduler.Problems())
            {
                if (p.Step.State != BudgetState.Sample)
                    continue;
                HashSet<int> missing;
                lock (_gate)
                    missing = p.Step.Missing.Where(i => !_failed.Contains((p.Problem.Id, i))).ToHashSet();
                foreach (var (start, size) in groups)
                {
                    var wanted = Enumerable.Range(start, size).Where(missing.Contains).ToList();
                    if (wanted.Count == 0)
                        continue;
                    barrier.Add(wanted.Count);
                    queued += wanted.Count;
                    await enqueue(p.Problem, start, size, wanted).ConfigureAwait(false);
                }
            }

            if (queued == 0)
                return;
            Rounds++;
            await barrier.WhenDrained(ct).ConfigureAwait(false);
        }
    }
}
