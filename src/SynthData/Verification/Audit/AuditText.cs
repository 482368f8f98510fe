using System.Globalization;

namespace SynthData.Verification.Audit;

/// <summary>The parts the math and code audits' text reports share: the summary, the category table, clipped text.</summary>
public static class AuditText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The headline: counts, agreement, precision, recall, the confusion in words and the check times.</summary>
    public static async Task WriteSummaryAsync(TextWriter w, string title, Confusion all, int inputErrors, double p50, double p99)
    {
        await w.WriteLineAsync($"{title}: {all.Total} cases, {inputErrors} input errors").ConfigureAwait(false);
        await w.WriteLineAsync(string.Create(Inv, $"  agreement {all.Agreement:0.0000}  precision {all.Precision:0.0000}  recall {all.Recall:0.0000}")).ConfigureAwait(false);
        await w.WriteLineAsync($"  accepted: {all.TruePositives} right, {all.FalsePositives} WRONG (false accepts); rejected: {all.TrueNegatives} right, {all.FalseNegatives} wrong (misses)").ConfigureAwait(false);
        await w.WriteLineAsync(string.Create(Inv, $"  check time p50 {p50:0.###} ms, p99 {p99:0.###} ms")).ConfigureAwait(false);
    }

    /// <summary>One row per category: cases, agreement and the four confusion counts.</summary>
    public static async Task WriteCategoriesAsync(TextWriter w, IEnumerable<(string Category, Confusion Counts)> categories)
    {
        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync($"{"category",-32} {"cases",6} {"agree",7} {"TP",5} {"FP",5} {"TN",5} {"FN",5}").ConfigureAwait(false);
        foreach (var (category, c) in categories)
            await w.WriteLineAsync(string.Create(Inv, $"{category,-32} {c.Total,6} {c.Agreement,7:0.000} {c.TruePositives,5} {c.FalsePositives,5} {c.TrueNegatives,5} {c.FalseNegatives,5}")).ConfigureAwait(false);
    }

    /// <summary>Text on one line, clipped in the middle when long.</summary>
    public static string Short(string text)
    {
        var one = text.ReplaceLineEndings(" ⏎ ");
        return one.Length <= 160 ? one : one[..80] + " … " + one[^60..];
    }
}
