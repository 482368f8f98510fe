using Microsoft.Extensions.Logging;
using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Verification;

namespace SynthData.Pipeline;

/// <summary>
/// Judges one recorded attempt: output cut off at max_tokens is never accepted; otherwise the domain's verifier
/// decides. A verifier that throws yields an <c>error</c> verdict (re-verified next run), never a lost attempt.
/// </summary>
public static class AttemptVerifier
{
    public static Task<Verdict> VerifyAsync(Problem problem, AttemptRecord attempt,
        IReadOnlyDictionary<ProblemDomain, IVerifier> verifiers, ILogger logger, CancellationToken ct) =>
        VerifyAsync(problem, attempt.Content, attempt.FinishReason, verifiers, logger, ct);

    public static async Task<Verdict> VerifyAsync(Problem problem, string content, string finishReason,
        IReadOnlyDictionary<ProblemDomain, IVerifier> verifiers, ILogger logger, CancellationToken ct)
    {
        if (finishReason == "length")
        {
            return new Verdict
            {
                Accepted = false, Kind = VerdictKinds.Truncated, Reason = "output cut off at max_tokens (finish_reason: length)",
                Verifier = RunLedger.PipelineVerifierName, VerifierVersion = "1",
            };
        }

        if (!verifiers.TryGetValue(problem.Domain, out var verifier))
        {
            return new Verdict
            {
                Accepted = false, Kind = VerdictKinds.Error, Reason = $"no verifier configured for {problem.Domain.ToWire()} problems",
                Verifier = RunLedger.PipelineVerifierName, VerifierVersion = "1",
            };
        }

        try
        {
            return await verifier.VerifyAsync(problem, content, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A verifier bug must not lose the attempt: record an error verdict, which the next run re-verifies.
            logger.LogError(e, "verifier {Verifier} failed on problem {Problem}", verifier.Name, problem.Id);
            return new Verdict
            {
                Accepted = false, Kind = VerdictKinds.Error, Reason = $"verifier failed: {e.GetType().Name}: {e.Message}",
                Verifier = verifier.Name, VerifierVersion = verifier.Version,
            };
        }
    }
}
