using System.Globalization;
using CsvHelper;

namespace SynthData.Reports;

/// <summary>The report table as CSV: one line per source × difficulty.</summary>
public static class CsvReport
{
    public static readonly string[] Header =
    [
        "source", "kind", "difficulty", "problems", "samples", "accepted", "pass_rate", "mean_tokens", "median_tokens",
        "verdict_reasons", "tokens_per_accepted", "cost_per_accepted_usd",
    ];

    public static void Write(IEnumerable<ReportRow> rows, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in Header)
            csv.WriteField(h);
        csv.NextRecord();
        foreach (var r in rows)
        {
            csv.WriteField(r.Source);
            csv.WriteField(r.Kind);
            csv.WriteField(r.Difficulty?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(r.Problems);
            csv.WriteField(r.Samples);
            csv.WriteField(r.Accepted);
            csv.WriteField(Fixed(r.PassRate, 4));
            csv.WriteField(Fixed(r.MeanTokens, 1));
            csv.WriteField(Fixed(r.MedianTokens, 1));
            csv.WriteField(string.Join("; ", r.Verdicts.Select(v => $"{v.Kind}={v.Count}")));
            csv.WriteField(r.TokensPerAccepted is { } t ? Fixed(t, 1) : "");
            csv.WriteField(r.CostPerAccepted is { } c ? Fixed(c, 6) : "");
            csv.NextRecord();
        }
    }

    private static string Fixed(double value, int decimals) => Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture);
}
