using System.Text.Json.Nodes;

namespace SynthData.Verification;

/// <summary>The outcome of checking one model response against one problem.</summary>
public sealed record Verdict
{
    public required bool Accepted { get; init; }

    /// <summary>
    /// Machine-readable outcome. Math: <c>correct</c>, <c>wrong_answer</c>, <c>no_answer</c>, <c>truncated</c>.
    /// Code: <c>passed</c>, <c>failed</c>, <c>timeout</c>, <c>memory</c>, <c>output_limit</c>, <c>no_code</c>.
    /// <c>error</c> means the verifier itself failed: the attempt is re-verified later, never counted as a rejection.
    /// </summary>
    public required string Kind { get; init; }

    /// <summary>Human-readable reason, always present: which rule fired, what was compared.</summary>
    public required string Reason { get; init; }

    /// <summary>The final answer (math) or program (code) the verifier took from the response, if any.</summary>
    public string? Extracted { get; init; }

    public required string Verifier { get; init; }
    public required string VerifierVersion { get; init; }
    public double DurationMs { get; init; }
    public JsonObject? Details { get; init; }
    /// <summary>Partial credit in [0,1] where the verifier has it (code: fraction of test cases passed); null means 1 when accepted, else 0.</summary>
    public double? Score { get; init; }

    public bool IsVerifierError => Kind == VerdictKinds.Error;
}

public static class VerdictKinds
{
    public const string Correct = "correct";
    public const string WrongAnswer = "wrong_answer";
    public const string NoAnswer = "no_answer";
    public const string Truncated = "truncated";
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Memory = "memory";
    public const string OutputLimit = "output_limit";
    public const string NoCode = "no_code";
    public const string Error = "error";
}
