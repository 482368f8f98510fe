using SynthData.Config;
using SynthData.Pipeline.Adaptive;

namespace SynthData.Tests.Pipeline.Adaptive;

public sealed class StoppingRulesTests
{
    private static ModelOptions Model(int k, double confidence = 0.9) => new()
    {
        SamplesPerProblem = k,
        Adaptive = new AdaptiveOptions { Enabled = true, Confidence = confidence },
    };

    [Theory]
    [InlineData(0, 1.0, 1.0)]
    [InlineData(5, 0.5, 0.5)]
    [InlineData(12, 3.5, 1.5)]
    public void Beta_binomial_is_a_distribution(int m, double a, double b)
    {
        var p = BetaBinomial.Pmf(m, a, b);
        Assert.Equal(m + 1, p.Length);
        Assert.Equal(1.0, p.Sum(), 9);
        Assert.All(p, x => Assert.InRange(x, 0, 1));
    }

    [Fact]
    public void Beta_binomial_with_a_uniform_prior_is_uniform()
    {
        // Beta(1, 1) predictive of m draws gives every count 1 / (m + 1) (Laplace).
        Assert.All(BetaBinomial.Pmf(6, 1, 1), x => Assert.Equal(1.0 / 7, x, 12));
    }

    [Fact]
    public void One_accepted_and_one_rejected_sample_decide_the_default_band_inside()
    {
        var d = new StoppingRules(Model(8), new SelectionOptions()).Decide(n: 2, accepted: 1, kept: 1);
        Assert.Equal(RlOutcome.Inside, d.Rl);
        Assert.Equal(SftOutcome.Kept, d.Sft);
        Assert.True(d.Decided);
    }

    [Fact]
    public void Two_accepted_of_two_leave_the_rl_rule_open_while_later_samples_may_fail()
    {
        var d = new StoppingRules(Model(8), new SelectionOptions()).Decide(n: 2, accepted: 2, kept: 1);
        Assert.Equal(SftOutcome.Kept, d.Sft);
        Assert.Equal(RlOutcome.Open, d.Rl);
        Assert.False(d.Decided);
    }

    [Fact]
    public void A_long_run_of_accepted_samples_is_decided_outside_the_band()
    {
        var rules = new StoppingRules(Model(16), new SelectionOptions());
        var first = Enumerable.Range(1, 16).First(n => rules.Decide(n, n, 1).Rl == RlOutcome.Outside);
        Assert.InRange(first, 3, 15);
        // Once decided, more of the same evidence keeps it decided.
        Assert.All(Enumerable.Range(first, 16 - first), n => Assert.Equal(RlOutcome.Outside, rules.Decide(n, n, 1).Rl));
    }

    [Fact]
    public void Rejected_samples_only_make_the_sft_rule_futile_when_the_budget_left_cannot_be_expected_to_help()
    {
        var rules = new StoppingRules(Model(16), new SelectionOptions());
        Assert.Equal(SftOutcome.Open, rules.Decide(2, 0, 0).Sft);
        Assert.Equal(SftOutcome.Futile, rules.Decide(14, 0, 0).Sft);
        // A problem with an accepted trace that the filters removed is not futile: it is solvable.
        Assert.Equal(SftOutcome.Open, rules.Decide(14, 3, 0).Sft);
    }

    [Fact]
    public void A_narrow_band_needs_more_evidence_than_the_open_default()
    {
        var selection = new SelectionOptions { RlPassRate = "[0.3, 0.7]" };
        var rules = new StoppingRules(Model(16), selection);
        Assert.Equal(RlOutcome.Open, rules.Decide(2, 1, 1).Rl);
        Assert.Equal(RlOutcome.Inside, rules.Decide(14, 7, 1).Rl);
        Assert.Equal(RlOutcome.Outside, rules.Decide(8, 0, 0).Rl);
    }

    [Fact]
    public void Only_the_configured_rules_must_decide()
    {
        var model = Model(8);
        model.Adaptive.Rules = [AdaptiveRule.Sft];
        Assert.True(new StoppingRules(model, new SelectionOptions()).Decide(2, 2, 1).Decided);
    }

    [Fact]
    public void Waves_end_on_whole_requests_and_at_the_budget()
    {
        var model = Model(10);
        model.Adaptive.FirstWave = 3;
        model.Adaptive.WaveSize = 3;
        Assert.Equal([3, 6, 9, 10], WaveSchedule.Boundaries(model));
        model.SamplesPerRequest = 2;
        Assert.Equal([4, 6, 10], WaveSchedule.Boundaries(model));
    }

    [Fact]
    public void Expected_samples_lie_between_the_first_wave_and_the_budget_and_are_smallest_for_mixed_problems()
    {
        var expected = new ExpectedSamples(Model(16), new SelectionOptions());
        var mixed = expected.For(0.5);
        var easy = expected.For(0.99);
        Assert.InRange(mixed, 2, 4.5);
        Assert.InRange(easy, mixed, 16);
    }
}
