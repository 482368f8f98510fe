using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SynthData.Ledger;
using SynthData.Reports.Cost;

namespace SynthData.Cli.Commands;

internal static class StatsCommand
{
    public static Command Create(CliIO io)
    {
        var config = CommonOptions.Config();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("stats", "Summarise the ledger: problems, samples, acceptance and tokens per source") { config, json };
        command.SetAction(parse =>
        {
            var options = CommonOptions.LoadConfig(parse, config);
            using var ledger = CommonOptions.OpenLedger(options);
            var stats = LedgerStatistics.Read(ledger).WithPrices(options.Model.PricePerMillionPromptTokens, options.Model.PricePerMillionCompletionTokens);
            var figures = LedgerFigures.Read(ledger, options, Export.ExportContext.Read(ledger, options));
            if (parse.GetValue(json))
            {
                // The contract's keys stay as they are; cost per accepted trace / kept problem and adaptive figures are added.
                var o = JsonSerializer.SerializeToNode(stats)!.AsObject();
                o["cost"] = JsonSerializer.SerializeToNode(figures.Cost);
                if (figures.Adaptive is { } adaptive)
                    o["adaptive"] = JsonSerializer.SerializeToNode(adaptive);
                io.Out.WriteLine(o.ToJsonString());
            }
            else
            {
                WriteTable(stats, io.Out);
                io.Out.WriteLine("per unit " + FigureText.Cost(figures.Cost));
                if (figures.Adaptive is { } adaptive)
                    io.Out.WriteLine("adaptive " + FigureText.Adaptive(adaptive));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(LedgerStatistics s, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = s.BySource.Select(b => new[]
        {
            b.Source, b.Kind, b.Problems.ToString(inv), b.Samples.ToString(inv), b.Accepted.ToString(inv),
            b.Samples == 0 ? "-" : (b.AcceptanceRate * 100).ToString("0.0", inv) + "%",
            b.PromptTokens.ToString(inv), b.CompletionTokens.ToString(inv),
        }).ToList();
        rows.Add(["total", "", s.Problems.ToString(inv), s.Attempts.ToString(inv), s.Accepted.ToString(inv),
            s.Attempts == 0 ? "-" : ((double)s.Accepted / s.Attempts * 100).ToString("0.0", inv) + "%",
            s.PromptTokens.ToString(inv), s.CompletionTokens.ToString(inv)]);
        string[] header = ["source", "kind", "problems", "samples", "accepted", "rate", "prompt_tok", "completion_tok"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        w.WriteLine(string.Join("  ", header.Select((h, i) => i < 2 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))));
        foreach (var r in rows)
            w.WriteLine(string.Join("  ", r.Select((c, i) => i < 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))));
        w.WriteLine(string.Create(inv, $"requests {s.Requests} ({s.RequestErrors} failed samples), unverified {s.Unverified}, runs {s.Runs}"));
        w.WriteLine(s.CostUsd is { } cost
            ? string.Create(inv, $"cost ${cost:0.####} at the configured prices per million tokens")
            : "cost -, no model.price_per_million_*_tokens configured");
        if (s.VerdictKinds.Count > 0)
            w.WriteLine("verdicts " + string.Join(", ", s.VerdictKinds.Select(kv => string.Create(inv, $"{kv.Key} {kv.Value}"))));
        if (s.Settings.Count > 0)
            w.WriteLine("settings " + string.Join(", ", s.Settings.Select(kv => string.Create(inv, $"{kv.Key} ({kv.Value} samples)"))));
    }
}
