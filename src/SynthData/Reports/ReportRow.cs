using SynthData.Config;

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
    /// <summary>Completion tokens of all samples.</summary>
    public long CompletionTokens { get; init; }
    /// <summary>Verdict kinds with counts, most frequent first.</summary>
    public required IReadOnlyList<(string Kind, int Count)> Verdicts { get; init; }
    /// <summary>Prompt + completion tokens spent per accepted trace (null: none accepted).</summary>
    public double? TokensPerAccepted { get; init; }
    /// <summary>Dollars per accepted trace at the configured prices (null: none accepted).</summary>
    public double? CostPerAccepted { get; init; }

    /// <summary>Rows by source (ordinal), then difficulty (none first).</summary>
    public static List<ReportRow> Build(ReportTally tally, ModelOptions prices) =>
        [.. tally.Groups
            .OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Difficulty ?? -1)
            .Select(g => FromGroup(g.Key.Source, g.Key.Kind, g.Key.Difficulty, g.Value, prices))];

    private static ReportRow FromGroup(string source, string kind, int? difficulty, ReportTally.Group g, ModelOptions prices)
    {
        var cost = prices.PriceUsd(g.PromptTokens, g.CompletionTokens);
        return new ReportRow
        {
            Source = source,
            Kind = kind,
            Difficulty = difficulty,
            Problems = g.Problems,
            Samples = g.Samples,
            Accepted = g.Accepted,
            PassRate = g.Verified == 0 ? 0 : (double)g.Accepted / g.Verified,
            MeanTokens = g.Tokens.Mean,
            MedianTokens = g.Tokens.Median,
            CompletionTokens = g.CompletionTokens,
            Verdicts = [.. g.Verdicts.Select(v => (v.Key, v.Value)).OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)],
            TokensPerAccepted = g.Accepted == 0 ? null : (double)(g.PromptTokens + g.CompletionTokens) / g.Accepted,
            CostPerAccepted = g.Accepted == 0 ? null : cost / g.Accepted,
        };
    }
}
