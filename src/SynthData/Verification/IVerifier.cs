using SynthData.Problems;

namespace SynthData.Verification;

/// <summary>Checks model responses for one domain: an extension point.</summary>
public interface IVerifier
{
    /// <summary>Name recorded with every verdict, e.g. <c>math</c>, <c>code-sandbox</c>.</summary>
    string Name { get; }

    /// <summary>Bumped whenever a verdict could change; the ledger re-verifies attempts judged by an older version.</summary>
    string Version { get; }

    ProblemDomain Domain { get; }

    /// <summary>
    /// Judges <paramref name="responseContent"/> (the assistant message content, which may contain a
    /// <c>&lt;think&gt;</c> section) against <paramref name="problem"/>. Never throws for bad model output;
    /// infrastructure failures come back as <see cref="VerdictKinds.Error"/>.
    /// </summary>
    ValueTask<Verdict> VerifyAsync(Problem problem, string responseContent, CancellationToken cancellationToken);
}
