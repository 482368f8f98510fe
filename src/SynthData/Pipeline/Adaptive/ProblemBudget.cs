using SynthData.Config;
using SynthData.Ledger;
using SynthData.Selection;

namespace SynthData.Pipeline.Adaptive;

/// <summary>Where one problem stands under adaptive budgets.</summary>
public enum BudgetState
{
    /// <summary>The samples of <see cref="BudgetStep.Missing"/> are to be requested (the current wave, or holes before it).</summary>
    Sample,
    /// <summary>Every sample of the wave is in but not every verdict (or a verdict is a verifier error, re-verified next run).</summary>
    Waiting,
    /// <summary>Every configured rule has decided: no more samples.</summary>
    Decided,
    /// <summary>samples_per_problem drawn without every rule deciding.</summary>
    Exhausted,
}

/// <summary>One problem's next step, the samples the decision looked at, and the rules' verdicts on them.</summary>
public sealed record BudgetStep(BudgetState State, IReadOnlyList<int> Missing, int Drawn, BudgetDecision? Decision);

/// <summary>
/// Walks a problem's waves in order over its ledger attempts (under the current settings): the first wave with a missing
/// sample is the one to draw; a complete wave is judged by <see cref="StoppingRules"/> on exactly the samples up to
/// its end (later samples a fixed-budget run may have left in the ledger are not looked at), so the same ledger always
/// gives the same step. A pure function of the ledger rows and the config.
/// </summary>
public sealed class ProblemBudget
{
    private readonly IReadOnlyList<int> _boundaries;
    private readonly StoppingRules _rules;
    private readonly Curation _curation;

    public ProblemBudget(PipelineOptions options)
    {
        _boundaries = WaveSchedule.Boundaries(options.Model);
        _rules = new StoppingRules(options.Model, options.Selection);
        _curation = new Curation(options, []);
    }

    /// <param name="attempts">The problem's attempts under the run's settings, ordered by sample index.</param>
    public BudgetStep Next(IReadOnlyList<LedgerAttempt> attempts)
    {
        var byIndex = new Dictionary<int, LedgerAttempt>();
        foreach (var a in attempts)
            byIndex.TryAdd(a.Attempt.SampleIndex, a);
        BudgetDecision? last = null;
        var drawn = 0;
        foreach (var end in _boundaries)
        {
            var missing = Enumerable.Range(0, end).Where(i => !byIndex.ContainsKey(i)).ToList();
            if (missing.Count > 0)
                return new BudgetStep(BudgetState.Sample, missing, drawn, last);
            var prefix = Enumerable.Range(0, end).Select(i => byIndex[i]).ToList();
            if (prefix.Any(a => a.Verdict is null or { IsVerifierError: true }))
                return new BudgetStep(BudgetState.Waiting, [], drawn, last);
            drawn = end;
            var accepted = prefix.Count(a => a.Verdict!.Accepted);
            var kept = accepted == 0 ? 0 : KeptTraces(prefix);
            last = _rules.Decide(end, accepted, kept);
            if (last.Decided)
                return new BudgetStep(BudgetState.Decided, [], end, last);
        }

        return new BudgetStep(BudgetState.Exhausted, [], drawn, last);
    }

    /// <summary>Traces the sft export would keep from these samples: the export's own curation (filters, duplicates, k).</summary>
    private int KeptTraces(List<LedgerAttempt> prefix) =>
        _curation.Groups(prefix).Single().Curated?.Selected.Count ?? 0;
}
