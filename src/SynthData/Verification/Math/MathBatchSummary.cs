namespace SynthData.Verification.Math;

/// <summary>Counts of one <see cref="MathBatch"/> run; <see cref="Errors"/> are input lines that could not be read.</summary>
/// <summary>What a batch found; P50Ms/P99Ms: per-check time over the lines that were checked.</summary>
public sealed record MathBatchSummary(int Lines, int Equivalent, int NotEquivalent, int NoAnswer, int Errors, double P50Ms, double P99Ms);
