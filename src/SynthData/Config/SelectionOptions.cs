using System.ComponentModel.DataAnnotations;
using SynthData.Selection;

namespace SynthData.Config;

/// <summary>Which accepted traces become training data, and which problems make an RL prompt set.</summary>
public sealed class SelectionOptions : IValidatableObject
{
    /// <summary>Accepted traces kept per problem in the SFT, ShareGPT and DPO (chosen side) exports.</summary>
    [Range(1, 1024)]
    public int KeepPerProblem { get; set; } = 1;

    /// <summary>How the kept traces are picked among a problem's accepted ones.</summary>
    public SelectionStrategy Strategy { get; set; } = SelectionStrategy.First;

    /// <summary>Seed of the <c>random</c> strategy (null: <c>run.seed</c>).</summary>
    public long? Seed { get; set; }

    /// <summary>
    /// Pass-rate band of the RL export as an interval, e.g. <c>(0, 1)</c> (some but not all samples accepted: the
    /// prompts that still carry a learning signal) or <c>[0.2, 0.8]</c>.
    /// </summary>
    public string RlPassRate { get; set; } = "(0, 1)";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PassRateBand.TryParse(RlPassRate, out _, out var error))
            yield return new ValidationResult(error, [nameof(RlPassRate)]);
    }
}
