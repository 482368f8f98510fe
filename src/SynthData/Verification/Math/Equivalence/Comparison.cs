namespace SynthData.Verification.Math.Equivalence;

/// <summary>The outcome of comparing two parsed answers, with the rule that decided it.</summary>
internal readonly record struct Comparison(bool Equal, string Reason)
{
    public static Comparison Yes(string reason) => new(true, reason);
    public static Comparison No(string reason) => new(false, reason);
}
