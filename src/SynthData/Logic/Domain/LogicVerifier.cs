using System.Diagnostics;
using SynthData.Problems;
using SynthData.Verification;

namespace SynthData.Logic.Domain;

/// <summary>
/// Checks logic responses by the puzzle's rules (each family's checker): any valid solution is accepted, and the
/// score is the family's partial credit. Pure C#: nothing the response says is run.
/// </summary>
public sealed class LogicVerifier : IVerifier
{
    public string Name => "logic";

    /// <summary>Bump when any family's checker could judge differently.</summary>
    public string Version => "logic-1";

    public ProblemDomain Domain => ProblemDomain.Logic;

    public ValueTask<Verdict> VerifyAsync(Problem problem, string responseContent, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Verify(problem, responseContent));

    public Verdict Verify(Problem problem, string responseContent)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (family, instance) = LogicProblems.Resolve(problem);
            var answer = LogicAnswer.Extract(responseContent);
            var check = family.Check(instance, responseContent);
            return Make(check.Accepted,
                check.Accepted ? VerdictKinds.Correct : answer is null ? VerdictKinds.NoAnswer : VerdictKinds.WrongAnswer,
                check.Reason, answer, check.Accepted ? 1.0 : check.Score, started);
        }
        catch (Exception e) when (e is ProblemFormatException or LogicInstanceException)
        {
            return Make(false, VerdictKinds.Error, "malformed puzzle instance: " + e.Message, null, null, started);
        }
    }

    private Verdict Make(bool accepted, string kind, string reason, string? extracted, double? score, long started) => new()
    {
        Accepted = accepted,
        Kind = kind,
        Reason = reason,
        Extracted = extracted,
        Score = score,
        Verifier = Name,
        VerifierVersion = Version,
        DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
    };
}
