using System.Diagnostics;
using System.Globalization;
using SynthData.Pipeline;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SynthData.Cli.Hosting;

/// <summary>
/// The live panel of <c>run</c> on a terminal: progress, ETA, request and token rates, cost so far and projected, in
/// flight, retries, errors and acceptance per domain. It shows the last snapshot as it is, so after Ctrl-C it shows
/// how far the run really got. Rates are over the whole run so far.
/// </summary>
internal sealed class LivePanel : IProgress<RunProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private RunProgress? _last;

    public void Report(RunProgress value) => Volatile.Write(ref _last, value);

    public IRenderable Render(string state)
    {
        var inv = CultureInfo.InvariantCulture;
        var p = Volatile.Read(ref _last);
        var minutes = Math.Max(_clock.Elapsed.TotalMinutes, 1e-6);
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
        table.Title = new TableTitle($"synthdata run: {Markup.Escape(state)}");
        if (p is null)
        {
            Row(table, "status", "deciding what is left, connecting to the model");
            return table;
        }

        var done = p.SamplesCompleted + p.RequestErrors;
        var share = p.SamplesToRequest == 0 ? 1 : (double)done / p.SamplesToRequest;
        var rate = done / minutes;
        var eta = rate > 0 && done < p.SamplesToRequest ? TimeSpan.FromMinutes((p.SamplesToRequest - done) / rate).ToString(@"hh\:mm\:ss", inv) : "-";
        Row(table, "samples", string.Create(inv, $"{done}/{p.SamplesToRequest} ({share:P1})  [{Bar(share)}]  ETA {eta}"));
        Row(table, "requests", string.Create(inv, $"{p.Requests / (minutes * 60):0.0}/s, {p.InFlight} in flight, {Math.Max(0, p.Requests - done - p.InFlight)} retries, {p.RequestErrors} failed"));
        Row(table, "tokens/min", string.Create(inv, $"{p.PromptTokens / minutes:0} in, {p.CompletionTokens / minutes:0} out"));
        Row(table, "cost", p.Priced
            ? string.Create(inv, $"${p.CostUsd:0.####} so far, ${(share > 0 ? p.CostUsd / share : 0):0.####} projected, {PerUnit(p.CostUsd, p.Accepted)} per accepted trace, {PerUnit(p.CostUsd, p.ProblemsAccepted)} per problem with an accepted trace")
            : "- (no model.price_per_million_*_tokens)");
        Row(table, "verdicts", string.Create(inv, $"{p.Accepted} accepted, {p.Rejected} rejected"));
        foreach (var (domain, (verified, accepted)) in p.ByDomain.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            Row(table, "  " + domain, string.Create(inv, $"{accepted}/{verified} accepted ({(verified == 0 ? 0 : (double)accepted / verified):P1})"));
        return table;
    }

    private static string PerUnit(double cost, int units) =>
        units == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"${cost / units:0.######}");

    /// <summary>Plain text cells: values such as "[###...]" must never be read as Spectre markup.</summary>
    private static void Row(Table table, string key, string value) => table.AddRow(new Text(key), new Text(value));

    private static string Bar(double share)
    {
        var filled = (int)Math.Round(Math.Clamp(share, 0, 1) * 30);
        return new string('#', filled) + new string('.', 30 - filled);
    }
}
