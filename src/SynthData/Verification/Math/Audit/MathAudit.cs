using System.Diagnostics;
using SynthData.Verification.Audit;

namespace SynthData.Verification.Math.Audit;

/// <summary>One judged case: what the verifier said, how long it took.</summary>
public sealed record MathAuditOutcome(MathAuditCase Case, MathCheckResult Result, double DurationMs)
{
    public bool Agrees => Result.Equivalent == Case.Expected;
}

/// <summary>
/// <c>synthdata audit math</c>: runs the verifier over a user's labelled cases and reports how far to trust it on
/// that data: agreement, precision, recall, confusion by category, the slowest checks and every disagreement with
/// what was extracted and why. Input errors are collected with their line, never skipped silently.
/// </summary>
public static class MathAudit
{
    public sealed record Report(IReadOnlyList<MathAuditOutcome> Outcomes, IReadOnlyList<string> InputErrors)
    {
        public Confusion Overall => Confusion.Of(Judged(Outcomes));

        public IEnumerable<(string Category, Confusion Counts)> ByCategory() =>
            Outcomes.GroupBy(o => o.Case.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, Confusion.Of(Judged(g))));

        public IEnumerable<MathAuditOutcome> Disagreements => Outcomes.Where(o => !o.Agrees);

        public IEnumerable<MathAuditOutcome> Slowest(int count) => Outcomes.OrderByDescending(o => o.DurationMs).Take(count);

        private AuditDurations? _durations;

        public double Percentile(double p) => (_durations ??= new AuditDurations(Outcomes.Select(o => o.DurationMs))).Percentile(p);

        private static IEnumerable<(bool, bool)> Judged(IEnumerable<MathAuditOutcome> outcomes) =>
            outcomes.Select(o => (o.Result.Equivalent, o.Case.Expected));
    }

    public static async Task<Report> RunAsync(TextReader input, IMathAnswerChecker checker, CancellationToken cancellationToken)
    {
        var cases = new List<MathAuditCase>();
        var errors = new List<string>();
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue; // blank lines carry no case; audit output is a report, not line-for-line
            if (MathAuditCase.TryRead(line, lineNumber, out var error) is { } c)
                cases.Add(c);
            else
                errors.Add(error);
        }

        // One thread, so durations are each check's own and not its neighbours' contention.
        var outcomes = new List<MathAuditOutcome>(cases.Count);
        foreach (var c in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var result = checker.Check(c.Gold, c.Pred);
            outcomes.Add(new MathAuditOutcome(c, result, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        return new Report(outcomes, errors);
    }
}
