using SynthData.Config;
using SynthData.Ledger;
using SynthData.Problems;

namespace SynthData.Pipeline.Adaptive;

/// <summary>A problem with its next step under adaptive budgets.</summary>
public sealed record ScheduledProblem(Problem Problem, BudgetStep Step);

/// <summary>
/// Reads, for the run's problems that have fewer than samples_per_problem samples, their attempts under the run's
/// settings and where each stands (<see cref="ProblemBudget"/>). Both reads are ordered by problem id, so they are merged
/// as they stream and memory holds one problem at a time.
/// </summary>
public sealed class AdaptiveScheduler(PipelineOptions options, RunLedger ledger, IReadOnlyList<string> sourceKeys, string fingerprint)
{
    private readonly ProblemBudget _budget = new(options);

    public IEnumerable<ScheduledProblem> Problems()
    {
        using var attempts = ledger.StreamAttempts([fingerprint]).GetEnumerator();
        var more = attempts.MoveNext();
        foreach (var pending in ledger.ReadPending(sourceKeys, fingerprint, options.Model.SamplesPerProblem))
        {
            var id = pending.Problem.Id;
            var mine = new List<LedgerAttempt>();
            while (more && string.CompareOrdinal(attempts.Current.Problem.Id, id) < 0)
                more = attempts.MoveNext();
            while (more && attempts.Current.Problem.Id == id)
            {
                mine.Add(attempts.Current);
                more = attempts.MoveNext();
            }

            yield return new ScheduledProblem(pending.Problem, _budget.Next(mine));
        }
    }

    /// <summary>Problems still open: a wave to draw or verdicts to wait for.</summary>
    public int CountOpen() => Problems().Count(p => p.Step.State is BudgetState.Sample or BudgetState.Waiting);
}
