using SynthData.Config;
using SynthData.Ledger;

namespace SynthData.Reports;

/// <summary>One source × difficulty line of the report.</summary>
public sealed record ReportRow
{
    public required string Source { get; init; }
    public required string Kind { get; init; }
    public int? Difficulty { get; init; }
    public int Problems { get; init; }
    public int Samples { get; init; }
    public int Accepted { get; init; }
    /// <summary>Accepted / verified (verifier errors and unverified attempts left out).</summary>
    public double PassRate { get; init; }
    /// <summary>Completion tokens per sample.</summary>
    public double MeanTokens { get; init; }
    public double MedianTokens { get; init; }
    /// <summary>Verdict kinds with counts, most frequent first.</summary>
    public required IReadOnlyList<(string Kind, int Count)> Verdicts { get; init; }
    /// <summary>Prompt + completion tokens spent per accepted trace (null: none accepted).</summary>
    public double? TokensPerAccepted { get; init; }
    /// <summary>Dollars per accepted trace at the configured prices (null: none accepted).</summary>
    public double? CostPerAccepted { get; init; }

    /// <summary>Rows by source (ordinal), then difficulty (none first).</summary>
    public static List<ReportRow> Build(IReadOnlyList<LedgerAttempt> attempts, ModelOptions prices) =>
        [.. attempts
            .GroupBy(a => (a.Problem.Source.Name, a.Problem.Source.Kind, a.Problem.Source.Difficulty))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.Difficulty ?? -1)
            .Select(g => FromGroup(g.Key.Name, g.Key.Kind, g.Key.Difficulty, [.. g], prices))];

    private static ReportRow FromGroup(string source, string kind, int? difficulty, List<LedgerAttempt> group, ModelOptions prices)
    {
        var verified = group.Count(a => a.Verdict is { IsVerifierError: false });
        var accepted = group.Count(a => a.Verdict is { Accepted: true });
        var tokens = group.Select(a => (double)a.Attempt.CompletionTokens).Order().ToList();
        long promptTokens = group.Sum(a => (long)a.Attempt.PromptTokens);
        long completionTokens = group.Sum(a => (long)a.Attempt.CompletionTokens);
        var cost = (promptTokens * prices.PricePerMillionPromptTokens + completionTokens * prices.PricePerMillionCompletionTokens) / 1e6;
        return new ReportRow
        {
            Source = source,
            Kind = kind,
            Difficulty = difficulty,
            Problems = group.Select(a => a.Problem.Id).Distinct().Count(),
            Samples = group.Count,
            Accepted = accepted,
            PassRate = verified == 0 ? 0 : (double)accepted / verified,
            MeanTokens = tokens.Count == 0 ? 0 : tokens.Average(),
            MedianTokens = Median(tokens),
            Verdicts = [.. group.Where(a => a.Verdict is not null).GroupBy(a => a.Verdict!.Kind)
                .Select(v => (v.Key, v.Count())).OrderByDescending(v => v.Item2).ThenBy(v => v.Key, StringComparer.Ordinal)],
            TokensPerAccepted = accepted == 0 ? null : (double)(promptTokens + completionTokens) / accepted,
            CostPerAccepted = accepted == 0 ? null : cost / accepted,
        };
    }

    internal static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
