using System.Globalization;
using System.Text;
using SynthData.Filtering;
using SynthData.Selection;
using static SynthData.Reports.SvgCharts;

namespace SynthData.Reports;

/// <summary>
/// A self-contained HTML report (inline CSS and SVG, no scripts or external resources): totals, pass rate by source
/// and difficulty, completion-length histograms of accepted vs rejected samples, verdict reasons, the table, quality
/// filter counts and the problems dropped before sampling.
/// </summary>
public static class HtmlReport
{
    private const string Accepted = "#2f855a";
    private const string Rejected = "#c05621";
    private const string Neutral = "#3b6fb6";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(IReadOnlyList<ReportRow> rows, ReportTally tally, Curation dataset, string model)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SynthData report</title><style>").Append(Css).Append("</style></head><body>\n");
        sb.Append("<h1>SynthData report</h1>\n");
        Totals(sb, rows, tally, model);

        sb.Append("<h2>Pass rate by source and difficulty</h2>\n");
        sb.Append(HorizontalBars([.. rows.Select(r => new Bar(Label(r), r.PassRate, string.Create(Inv, $"{r.PassRate:0.0%} of {r.Samples}")))], 1, Neutral)).Append('\n');

        sb.Append("<h2>Completion length: accepted vs rejected</h2>\n<p class=\"note\">Share of each group's samples per length bin.</p>\n");
        var acceptedLengths = tally.AcceptedLengths;
        // Cut-off answers sit at the token cap far to the right; scaling to the accepted range keeps the bulk readable.
        double? upper = acceptedLengths.Count == 0 ? null : acceptedLengths.AtRank((long)(0.99 * (acceptedLengths.Count - 1))) * 1.25;
        sb.Append(Histogram([new Series("accepted", Accepted, acceptedLengths), new Series("rejected", Rejected, tally.RejectedLengths)], 20, "completion tokens", upper)).Append('\n');

        sb.Append("<h2>Verdicts</h2>\n");
        var kinds = tally.Kinds.Select(k => (Kind: k.Key, k.Value.Count, k.Value.Accepted))
            .OrderByDescending(k => k.Count).ThenBy(k => k.Kind, StringComparer.Ordinal).ToList();
        var verdictMax = kinds.Select(k => (double)k.Count).DefaultIfEmpty(0).Max();
        foreach (var group in kinds.GroupBy(k => k.Accepted).OrderByDescending(g => g.Key))
            sb.Append(HorizontalBars([.. group.Select(k => new Bar(k.Kind, k.Count, k.Count.ToString(Inv)))], verdictMax, group.Key ? Accepted : Rejected)).Append('\n');

        Table(sb, rows);
        CurationSection(sb, dataset);
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static string Label(ReportRow r) => r.Difficulty is { } d ? $"{r.Source} · d{d}" : r.Source;

    private static void Totals(StringBuilder sb, IReadOnlyList<ReportRow> rows, ReportTally tally, string model)
    {
        var samples = rows.Sum(r => r.Samples);
        var accepted = rows.Sum(r => r.Accepted);
        var cost = rows.Where(r => r.CostPerAccepted is not null).Sum(r => r.CostPerAccepted!.Value * r.Accepted);
        sb.Append("<div class=\"tiles\">");
        Tile(sb, "problems", tally.Problems.ToString(Inv));
        Tile(sb, "samples", samples.ToString(Inv));
        Tile(sb, "accepted", accepted.ToString(Inv));
        Tile(sb, "acceptance", samples == 0 ? "-" : ((double)accepted / samples).ToString("0.0%", Inv));
        Tile(sb, "completion tokens", rows.Sum(r => r.CompletionTokens).ToString("N0", Inv));
        Tile(sb, "cost", cost.ToString("$0.00##", Inv));
        sb.Append("</div>\n<p class=\"note\">Model: ").Append(Escape(model)).Append("</p>\n");
    }

    private static void Tile(StringBuilder sb, string name, string value) =>
        sb.Append("<div class=\"tile\"><div class=\"value\">").Append(Escape(value)).Append("</div><div class=\"name\">").Append(Escape(name)).Append("</div></div>");

    private static void Table(StringBuilder sb, IReadOnlyList<ReportRow> rows)
    {
        sb.Append("<h2>By source and difficulty</h2>\n<table><thead><tr>");
        foreach (var h in new[] { "source", "difficulty", "problems", "samples", "accepted", "pass rate", "mean tokens", "median tokens", "tokens / accepted", "cost / accepted", "verdicts" })
            sb.Append("<th>").Append(h).Append("</th>");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var r in rows)
        {
            sb.Append("<tr><td>").Append(Escape(r.Source)).Append("</td>");
            Num(sb, r.Difficulty?.ToString(Inv) ?? "-");
            Num(sb, r.Problems.ToString(Inv));
            Num(sb, r.Samples.ToString(Inv));
            Num(sb, r.Accepted.ToString(Inv));
            Num(sb, r.PassRate.ToString("0.0%", Inv));
            Num(sb, r.MeanTokens.ToString("0", Inv));
            Num(sb, r.MedianTokens.ToString("0", Inv));
            Num(sb, r.TokensPerAccepted?.ToString("0", Inv) ?? "-");
            Num(sb, r.CostPerAccepted?.ToString("$0.00####", Inv) ?? "-");
            sb.Append("<td>").Append(Escape(string.Join(", ", r.Verdicts.Select(v => $"{v.Kind} {v.Count}")))).Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
    }

    private static void Num(StringBuilder sb, string text) => sb.Append("<td class=\"num\">").Append(Escape(text)).Append("</td>");

    private static void CurationSection(StringBuilder sb, Curation dataset)
    {
        sb.Append("<h2>Quality filters</h2>\n");
        if (dataset.FilterCounts.Count == 0)
            sb.Append("<p class=\"note\">No accepted trace was removed by a quality filter.</p>\n");
        else
            sb.Append(HorizontalBars([.. dataset.FilterCounts.Select(kv => new Bar(kv.Key, kv.Value, kv.Value.ToString(Inv)))], dataset.FilterCounts.Values.Max(), Rejected)).Append('\n');

        sb.Append("<h2>Problems dropped before sampling</h2>\n");
        if (dataset.DroppedProblems.Count == 0)
        {
            sb.Append("<p class=\"note\">None.</p>\n");
            return;
        }

        sb.Append("<table><thead><tr><th>problem</th><th>source</th><th>reason</th><th>matched</th><th>score</th><th>matched text</th></tr></thead><tbody>\n");
        foreach (var d in dataset.DroppedProblems.OrderBy(d => d.Reason, StringComparer.Ordinal).ThenBy(d => d.Problem.Id, StringComparer.Ordinal))
        {
            sb.Append("<tr><td><code>").Append(Escape(d.Problem.Id)).Append("</code></td><td>").Append(Escape(d.Problem.Source.Name))
              .Append("</td><td>").Append(Escape(d.Reason)).Append("</td><td>").Append(Escape(d.Matched)).Append("</td>");
            Num(sb, d.Score.ToString("0.###", Inv));
            sb.Append("<td>").Append(Escape(DroppedProblem.Preview(d.MatchedText, 120))).Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
    }

    private const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a202c;max-width:1200px;margin:24px auto;padding:0 20px}
        h1{font-size:24px;margin:0 0 16px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e2e8f0;padding-bottom:4px}
        .tiles{display:flex;flex-wrap:wrap;gap:12px}.tile{border:1px solid #e2e8f0;border-radius:6px;padding:10px 16px;min-width:120px}
        .tile .value{font-size:22px;font-weight:600}.tile .name{color:#4a5568;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        .note{color:#4a5568;margin:4px 0}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #e2e8f0;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f7fafc}code{white-space:nowrap}td:first-child{word-break:break-all;max-width:260px}td:last-child{min-width:190px}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        svg.chart{display:block;max-width:100%;height:auto;font-size:12px}svg.chart text{fill:#2d3748}
        svg.chart .track{fill:#edf2f7}svg.chart .axis{stroke:#718096}svg.chart .grid{stroke:#edf2f7}
        """;
}
