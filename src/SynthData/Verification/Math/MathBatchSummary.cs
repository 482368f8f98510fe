namespace SynthData.Verification.Math;

/// <summary>Counts of one <see cref="MathBatch"/> run; <see cref="Errors"/> are input lines that could not be read.</summary>
public sealed record MathBatchSummary(int Lines, int Equivalent, int NotEquivalent, int NoAnswer, int Errors);
