using SynthData.Config;
using SynthData.Selection;

namespace SynthData.Pipeline.Adaptive;

/// <summary>What the SFT rule says about a problem.</summary>
public enum SftOutcome { Open, Kept, Futile }

/// <summary>What the RL rule says about a problem.</summary>
public enum RlOutcome { Open, Inside, Outside }

/// <summary>The two rules' verdicts after a wave; <see cref="Decided"/> when every configured rule has decided.</summary>
public sealed record BudgetDecision(SftOutcome Sft, RlOutcome Rl, bool Decided);

/// <summary>
/// The stopping rules of adaptive budgets, applied to a problem's first n samples (a whole number of waves):
/// s accepted, <c>kept</c> of them passing the quality filters, K = samples_per_problem, m = K - n not yet drawn.
/// The pass rate gets the posterior Beta(alpha + s, beta + n - s); X, the accepted samples among the m, follows the
/// Beta-binomial predictive. With c = confidence:
/// <list type="bullet">
/// <item>SFT: decided <c>kept</c> once kept ≥ keep_per_problem; decided <c>futile</c> once P(X ≥ keep - kept) ≤ 1 - c
/// (the budget left would most likely not bring the traces still missing).</item>
/// <item>RL: the RL export judges the pass rate s/n of the samples drawn; the fixed budget would judge (s + X) / K.
/// Decided <c>inside</c> when s/n is inside the band and P((s + X) / K inside) ≥ c; <c>outside</c> when s/n is outside and
/// P((s + X) / K inside) ≤ 1 - c. So a problem stops only where the full budget would, with probability c, have put
/// it on the same side of the band (for the default (0, 1): as soon as one accepted and one rejected sample are in).</item>
/// </list>
/// When m = 0 the budget is spent and whatever is open stays open.
/// </summary>
public sealed class StoppingRules(ModelOptions model, SelectionOptions selection)
{
    private readonly PassRateBand _band = PassRateBand.Parse(selection.RlPassRate);
    private readonly bool _useSft = model.Adaptive.Rules.Contains(AdaptiveRule.Sft);
    private readonly bool _useRl = model.Adaptive.Rules.Contains(AdaptiveRule.Rl);

    public BudgetDecision Decide(int n, int accepted, int kept)
    {
        var k = model.SamplesPerProblem;
        var m = Math.Max(0, k - n);
        var c = model.Adaptive.Confidence;
        var pmf = BetaBinomial.Pmf(m, model.Adaptive.PriorAlpha + accepted, model.Adaptive.PriorBeta + (n - accepted));

        var sft = SftOutcome.Open;
        var need = selection.KeepPerProblem - kept;
        if (need <= 0)
            sft = SftOutcome.Kept;
        else if (m > 0 && Tail(pmf, need) <= 1 - c)
            sft = SftOutcome.Futile;

        var rl = RlOutcome.Open;
        if (n > 0 && m > 0)
        {
            var inside = 0.0;
            for (var x = 0; x <= m; x++)
                if (_band.Contains((double)(accepted + x) / k))
                    inside += pmf[x];
            var nowInside = _band.Contains((double)accepted / n);
            if (nowInside && inside >= c)
                rl = RlOutcome.Inside;
            else if (!nowInside && inside <= 1 - c)
                rl = RlOutcome.Outside;
        }

        var decided = (!_useSft || sft != SftOutcome.Open) && (!_useRl || rl != RlOutcome.Open);
        return new BudgetDecision(sft, rl, decided);
    }

    /// <summary>P(X ≥ need).</summary>
    private static double Tail(double[] pmf, int need)
    {
        var sum = 0.0;
        for (var x = need; x < pmf.Length; x++)
            sum += pmf[x];
        return sum;
    }
}
