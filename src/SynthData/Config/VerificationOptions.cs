using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

public sealed class VerificationOptions
{
    public MathVerificationOptions Math { get; set; } = new();

    /// <summary>The code sandbox: see <see cref="Verification.Code.CodeVerifierOptions"/>.</summary>
    public Verification.Code.CodeVerifierOptions Code { get; set; } = new();
}

public sealed class MathVerificationOptions
{
    /// <summary>When no boxed/anchored answer is found, take the last number in the response.</summary>
    public bool LastNumberFallback { get; set; }

    /// <summary>Hard deadline for one check.</summary>
    [Range(1, 600_000)]
    public int TimeoutMs { get; set; } = 2000;
}
