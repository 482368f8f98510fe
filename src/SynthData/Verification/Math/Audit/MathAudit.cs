using System.Diagnostics;

namespace SynthData.Verification.Math.Audit;

/// <summary>One judged case: what the verifier said, how long it took.</summary>
public sealed record MathAuditOutcome(MathAuditCase Case, MathCheckResult Result, double DurationMs)
{
    public bool Agrees => Result.Equivalent == Case.Expected;
}

/// <summary>Confusion counts; "positive" means the verifier accepted (equivalent).</summary>
public sealed record Confusion(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;
    public double Agreement => Total == 0 ? 0 : (double)(TruePositives + TrueNegatives) / Total;
    /// <summary>Of the accepted, how many should be: the figure that protects the data. 1 when nothing was accepted.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    /// <summary>Of the should-be-accepted, how many were. 1 when there were none.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public static Confusion Of(IEnumerable<MathAuditOutcome> outcomes)
    {
        var (tp, fp, tn, fn) = (0, 0, 0, 0);
        foreach (var o in outcomes)
        {
            if (o.Result.Equivalent)
            {
                if (o.Case.Expected) tp++; else fp++;
            }
            else if (o.Case.Expected)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }
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
        public Confusion Overall => Confusion.Of(Outcomes);

        public IEnumerable<(string Category, Confusion Counts)> ByCategory() =>
            Outcomes.GroupBy(o => o.Case.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, Confusion.Of(g)));

        public IEnumerable<MathAuditOutcome> Disagreements => Outcomes.Where(o => !o.Agrees);

        public IEnumerable<MathAuditOutcome> Slowest(int count) => Outcomes.OrderByDescending(o => o.DurationMs).Take(count);

        private double[]? _sortedDurations;

        public double Percentile(double p)
        {
            var sorted = _sortedDurations ??= [.. Outcomes.Select(o => o.DurationMs).Order()];
            return sorted.Length == 0 ? 0 : sorted[System.Math.Clamp((int)System.Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
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
