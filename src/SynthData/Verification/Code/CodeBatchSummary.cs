namespace SynthData.Verification.Code;

/// <summary>Per-line counts of one <c>verify code</c> batch: every line is exactly one of passed, not passed, input error, verifier error.</summary>
public sealed record CodeBatchSummary(int Lines = 0, int Passed = 0, int NotPassed = 0, int InputErrors = 0, int VerifierErrors = 0);
