namespace SynthData.Verification;

/// <summary>The partial credit of a verdict as every consumer reads it (exports, reports, the reward server).</summary>
public static class VerdictScores
{
    /// <summary><see cref="Verdict.Score"/> where the verifier gave one, else 1 when accepted and 0 when not.</summary>
    public static double EffectiveScore(this Verdict verdict) => verdict.Score ?? (verdict.Accepted ? 1 : 0);
}
