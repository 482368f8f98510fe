using System.Text.Json.Serialization;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Selection;

namespace SynthData.Pipeline.Adaptive;

/// <summary>
/// What adaptive budgets decided over the ledger's problems sampled under the current settings, and what that saved
/// against drawing samples_per_problem for every one of them. A pure function of the ledger (summary, stats, report).
/// </summary>
public sealed class AdaptiveTally
{
    [JsonPropertyName("problems")] public int Problems { get; set; }
    /// <summary>Rounds of waves the run drew (run summary only).</summary>
    [JsonPropertyName("rounds")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Rounds { get; set; }
    /// <summary>Every configured rule decided before samples_per_problem.</summary>
    [JsonPropertyName("decided")] public int Decided { get; set; }
    /// <summary>samples_per_problem drawn with a rule still open.</summary>
    [JsonPropertyName("budget_spent")] public int BudgetSpent { get; set; }
    /// <summary>Still sampling (a wave to draw or verdicts to wait for).</summary>
    [JsonPropertyName("open")] public int Open { get; set; }
    [JsonPropertyName("sft_kept")] public int SftKept { get; set; }
    [JsonPropertyName("sft_futile")] public int SftFutile { get; set; }
    [JsonPropertyName("rl_inside")] public int RlInside { get; set; }
    [JsonPropertyName("rl_outside")] public int RlOutside { get; set; }
    [JsonPropertyName("samples_drawn")] public long SamplesDrawn { get; set; }
    [JsonPropertyName("samples_fixed_budget")] public long SamplesFixedBudget { get; set; }
    [JsonPropertyName("samples_saved")] public long SamplesSaved { get; set; }
    /// <summary>Requests (groups of samples_per_request) the fixed budget would have sent on top.</summary>
    [JsonPropertyName("requests_saved")] public long RequestsSaved { get; set; }

    public static AdaptiveTally Compute(PipelineOptions options, RunLedger ledger, string fingerprint)
    {
        var budget = new ProblemBudget(options);
        var k = options.Model.SamplesPerProblem;
        var groups = SamplingPlan.Groups(options.Model).ToList();
        var tally = new AdaptiveTally();
        foreach (var attempts in Curation.GroupByProblem(ledger.StreamAttempts([fingerprint])))
        {
            var step = budget.Next(attempts);
            tally.Problems++;
            var drawn = attempts.Count(a => a.Attempt.SampleIndex < k);
            tally.SamplesDrawn += drawn;
            tally.SamplesFixedBudget += k;
            switch (step.State)
            {
                case BudgetState.Decided:
                    tally.Decided++;
                    tally.SamplesSaved += k - drawn;
                    tally.RequestsSaved += groups.Count(g => Enumerable.Range(g.Start, g.Size).All(i => attempts.All(a => a.Attempt.SampleIndex != i)));
                    break;
                case BudgetState.Exhausted:
                    tally.BudgetSpent++;
                    break;
                default:
                    tally.Open++;
                    break;
            }

            if (step.Decision is { } d)
            {
                tally.SftKept += d.Sft == SftOutcome.Kept ? 1 : 0;
                tally.SftFutile += d.Sft == SftOutcome.Futile ? 1 : 0;
                tally.RlInside += d.Rl == RlOutcome.Inside ? 1 : 0;
                tally.RlOutside += d.Rl == RlOutcome.Outside ? 1 : 0;
            }
        }

        return tally;
    }
}
