using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

/// <summary>The rules adaptive budgets decide a problem by (<c>model.adaptive.rules</c>).</summary>
public enum AdaptiveRule
{
    /// <summary>Enough accepted traces that pass the quality filters for the SFT exports (or too unlikely to get them).</summary>
    Sft,
    /// <summary>The problem's pass rate known to end up inside or outside <c>selection.rl_pass_rate</c>.</summary>
    Rl,
}

/// <summary>
/// <c>model.adaptive</c>: stop sampling a problem once its outcome is decided instead of always drawing
/// <c>samples_per_problem</c> (DESIGN.md §2a). Samples are drawn in waves fixed by these settings; after each complete
/// wave the stopping rules look at the ledger only, so the decision never depends on timing.
/// </summary>
public sealed class AdaptiveOptions
{
    public bool Enabled { get; set; }

    /// <summary>Samples every problem gets before the first decision.</summary>
    [Range(1, 1024)]
    public int FirstWave { get; set; } = 2;

    /// <summary>Samples added per later wave.</summary>
    [Range(1, 1024)]
    public int WaveSize { get; set; } = 2;

    /// <summary>Probability with which an outcome must be known before sampling of a problem stops.</summary>
    [Range(0.5, 0.9999)]
    public double Confidence { get; set; } = 0.9;

    /// <summary>Beta prior of a problem's pass rate: pseudo-successes (default Jeffreys, 0.5).</summary>
    [Range(0.01, 1000)]
    public double PriorAlpha { get; set; } = 0.5;

    /// <summary>Beta prior of a problem's pass rate: pseudo-failures.</summary>
    [Range(0.01, 1000)]
    public double PriorBeta { get; set; } = 0.5;

    /// <summary>A problem stops when every listed rule has decided it.</summary>
    [MinLength(1)]
    public List<AdaptiveRule> Rules { get; set; } = [AdaptiveRule.Sft, AdaptiveRule.Rl];
}
