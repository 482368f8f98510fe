using System.Diagnostics;
using SynthData.Problems;

namespace SynthData.Verification.Math;

/// <summary>Adapts an <see cref="IMathAnswerChecker"/> to the pipeline's <see cref="IVerifier"/>.</summary>
public sealed class MathVerifier(IMathAnswerChecker checker) : IVerifier
{
    public string Name => "math";
    public string Version => checker.Version;
    public ProblemDomain Domain => ProblemDomain.Math;

    public ValueTask<Verdict> VerifyAsync(Problem problem, string responseContent, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (string.IsNullOrWhiteSpace(problem.Answer))
        {
            return ValueTask.FromResult(new Verdict
            {
                Accepted = false, Kind = VerdictKinds.Error, Reason = "problem has no reference answer",
                Verifier = Name, VerifierVersion = Version,
            });
        }

        var result = checker.Check(problem.Answer, responseContent);
        return ValueTask.FromResult(new Verdict
        {
            Accepted = result.Equivalent,
            Kind = result.Outcome switch
            {
                MathCheckOutcome.Equivalent => VerdictKinds.Correct,
                MathCheckOutcome.NoAnswer => VerdictKinds.NoAnswer,
                _ => VerdictKinds.WrongAnswer,
            },
            Reason = result.Reason,
            Extracted = result.Extracted,
            Verifier = Name,
            VerifierVersion = Version,
            DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        });
    }
}
