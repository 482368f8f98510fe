using SynthData.Verification.Audit;

namespace SynthData.Verification.Code.Audit;

/// <summary>One judged case: the verifier's verdict (kind, reason, score) and the program it ran.</summary>
public sealed record CodeAuditOutcome(CodeAuditCase Case, bool Passed, string Kind, string Reason, double Score, double DurationMs)
{
    public bool Agrees => Passed == Case.Expected;
}

/// <summary>
/// <c>synthdata audit code</c>: runs the code verifier over a user's labelled programs and reports how far to trust it
/// on that data: agreement, precision (wrong programs passed are what poisons data and rewards), recall, confusion by
/// category, rejections by verdict kind, the slowest checks and every disagreement with the verdict's reason. Input
/// errors are collected with their line, never skipped; a check the verifier itself could not make (sandbox error) is
/// listed apart and counts in no figure.
/// </summary>
public static class CodeAudit
{
    public sealed record Report(IReadOnlyList<CodeAuditOutcome> Outcomes, IReadOnlyList<CodeAuditOutcome> VerifierErrors, IReadOnlyList<string> InputErrors)
    {
        private AuditDurations? _durations;

        public Confusion Overall => Confusion.Of(Judged(Outcomes));

        public IEnumerable<(string Category, Confusion Counts)> ByCategory() =>
            Outcomes.GroupBy(o => o.Case.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, Confusion.Of(Judged(g))));

        /// <summary>How many verdicts of each kind (passed, failed, timeout, memory, output_limit, no_code).</summary>
        public IEnumerable<(string Kind, int Count)> ByKind() =>
            Outcomes.GroupBy(o => o.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));

        public IEnumerable<CodeAuditOutcome> Disagreements => Outcomes.Where(o => !o.Agrees);

        public IEnumerable<CodeAuditOutcome> Slowest(int count) => Outcomes.OrderByDescending(o => o.DurationMs).Take(count);

        public double Percentile(double p) => (_durations ??= new AuditDurations(Outcomes.Select(o => o.DurationMs))).Percentile(p);

        private static IEnumerable<(bool, bool)> Judged(IEnumerable<CodeAuditOutcome> outcomes) => outcomes.Select(o => (o.Passed, o.Case.Expected));
    }

    /// <summary>
    /// Reads every line first (so bad input is reported before any program runs), then checks the cases in parallel
    /// up to the verifier's own limit; each duration is that check's wall time in its sandbox.
    /// </summary>
    public static async Task<Report> RunAsync(TextReader input, CodeVerifier verifier, CancellationToken cancellationToken)
    {
        var cases = new List<CodeAuditCase>();
        var errors = new List<string>();
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue; // blank lines carry no case; an audit is a report, not line-for-line output
            if (CodeAuditCase.TryRead(line, lineNumber, out var error) is { } c)
                cases.Add(c);
            else
                errors.Add(error);
        }
        if (errors.Count > 0)
            return new Report([], [], errors);

        var outcomes = await Task.WhenAll(cases.Select(c => CheckAsync(c, verifier, cancellationToken))).ConfigureAwait(false);
        return new Report(
            [.. outcomes.Where(o => o.Kind != VerdictKinds.Error)],
            [.. outcomes.Where(o => o.Kind == VerdictKinds.Error)],
            errors);
    }

    private static async Task<CodeAuditOutcome> CheckAsync(CodeAuditCase c, CodeVerifier verifier, CancellationToken cancellationToken)
    {
        if (c.Row.Program is not { } program)
            return new CodeAuditOutcome(c, false, VerdictKinds.NoCode, "no code: no fenced python block (or bare program outside <think>) in the response", 0, 0);
        var verdict = await verifier.CheckProgramAsync(c.Row.Problem, program, cancellationToken).ConfigureAwait(false);
        return new CodeAuditOutcome(c, verdict.Accepted, verdict.Kind, verdict.Reason, verdict.EffectiveScore(), verdict.DurationMs);
    }
}
