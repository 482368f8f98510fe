using System.Globalization;
using System.Net;
using System.Text;

namespace SynthData.Reports;

/// <summary>Small inline SVG charts: no scripts, no external resources, readable in any browser and when printed.</summary>
public static class SvgCharts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public sealed record Bar(string Label, double Value, string Text);

    /// <summary>One labelled horizontal bar per item, scaled to <paramref name="max"/>.</summary>
    public static string HorizontalBars(IReadOnlyList<Bar> bars, double max, string color, int width = 1000)
    {
        const int Row = 24, LabelWidth = 300, TextWidth = 110;
        var plot = width - LabelWidth - TextWidth;
        var height = Math.Max(1, bars.Count) * Row + 8;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = i * Row + 4;
            var w = max <= 0 ? 0 : Math.Max(b.Value > 0 ? 1 : 0, b.Value / max * plot);
            sb.Append(Inv, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{Escape(Shorten(b.Label, 38))}</text>");
            sb.Append(Inv, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{plot}\" height=\"{Row - 8}\" class=\"track\"/>");
            sb.Append(Inv, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{Row - 8}\" fill=\"{color}\"><title>{Escape(b.Label)}: {Escape(b.Text)}</title></rect>");
            sb.Append(Inv, $"<text x=\"{LabelWidth + plot + 8}\" y=\"{y + 16}\">{Escape(b.Text)}</text>");
        }

        return sb.Append("</svg>").ToString();
    }

    public sealed record Series(string Name, string Color, TokenCounts Values);

    /// <summary>
    /// Histograms of several series over the same bins, drawn side by side within each bin. Each series is scaled
    /// to its own share of samples, so a small series (few rejections) stays readable next to a large one. Values
    /// above <paramref name="upper"/> (e.g. outputs cut off at the token cap) are gathered in the last bin.
    /// </summary>
    public static string Histogram(IReadOnlyList<Series> series, int bins, string unit, double? upper = null, int width = 1000, int height = 280)
    {
        const int Left = 48, Bottom = 40, Top = 28;
        var total = series.Sum(s => s.Values.Count);
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\">");
        if (total == 0)
            return sb.Append(Inv, $"<text x=\"{Left}\" y=\"{height / 2}\">no data</text></svg>").ToString();
        var max = Math.Max(1, Math.Min(series.Max(s => s.Values.Max), upper ?? double.MaxValue));
        var binWidth = Math.Ceiling(max / bins);
        var plotW = width - Left - 10;
        var plotH = height - Top - Bottom;
        var shares = series.Select(s => s.Values.Bins(bins, binWidth)
            .Select(n => s.Values.Count == 0 ? 0 : (double)n / s.Values.Count).ToArray()).ToList();
        var (top, ticks) = NiceScale(shares.SelectMany(x => x).Max());
        var slot = (double)plotW / bins;
        var barW = (slot - 2) / Math.Max(1, series.Count);
        sb.Append(Inv, $"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Left + plotW}\" y2=\"{Top + plotH}\" class=\"axis\"/>");
        for (var t = 1; t <= ticks; t++)
        {
            var y = Top + plotH - plotH * t / (double)ticks;
            sb.Append(Inv, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Left + plotW}\" y2=\"{y:0.#}\" class=\"grid\"/>");
            sb.Append(Inv, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{top * t / ticks:0.#%}</text>");
        }

        sb.Append(Inv, $"<text x=\"{Left - 6}\" y=\"{Top + plotH + 4}\" text-anchor=\"end\">0%</text>");

        for (var s = 0; s < series.Count; s++)
        {
            for (var b = 0; b < bins; b++)
            {
                var h = shares[s][b] / top * plotH;
                var x = Left + b * slot + 1 + s * barW;
                sb.Append(Inv, $"<rect x=\"{x:0.#}\" y=\"{Top + plotH - h:0.#}\" width=\"{barW:0.#}\" height=\"{h:0.#}\" fill=\"{series[s].Color}\">")
                  .Append(Inv, $"<title>{Escape(series[s].Name)}, {b * binWidth:0}–{(b + 1) * binWidth:0} {unit}: {shares[s][b]:0.0%}</title></rect>");
            }
        }

        var overflow = series.Max(s => s.Values.Max) > bins * binWidth;
        for (var b = 0; b <= bins; b += Math.Max(1, bins / 5))
            sb.Append(Inv, $"<text x=\"{Left + b * slot:0.#}\" y=\"{Top + plotH + 16}\" text-anchor=\"middle\">{b * binWidth:0}</text>");
        if (overflow)
            sb.Append(Inv, $"<text x=\"{Left + plotW}\" y=\"{Top + plotH + 30}\" text-anchor=\"end\">last bin: ≥ {(bins - 1) * binWidth:0}</text>");
        sb.Append(Inv, $"<text x=\"{Left + plotW / 2}\" y=\"{height - 6}\" text-anchor=\"middle\">{Escape(unit)}</text>");
        var lx = Left;
        foreach (var s in series)
        {
            sb.Append(Inv, $"<rect x=\"{lx}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{s.Color}\"/><text x=\"{lx + 16}\" y=\"16\">{Escape(s.Name)} ({s.Values.Count})</text>");
            lx += 180;
        }

        return sb.Append("</svg>").ToString();
    }

    /// <summary>An axis top and tick count with round steps (1, 2, 2.5, 5, 10... %) covering <paramref name="max"/> in 2 to 6 ticks.</summary>
    private static (double Top, int Ticks) NiceScale(double max)
    {
        foreach (var step in new[] { 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25 })
        {
            var ticks = Math.Max(2, (int)Math.Ceiling(max / step - 1e-9));
            if (ticks <= 6)
                return (step * ticks, ticks);
        }

        return (1, 4);
    }

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Shorten(string text, int max) => text.Length <= max ? text : "…" + text[^(max - 1)..];
}
