using System.CommandLine;
using SynthData.Export;
using SynthData.Ledger;

namespace SynthData.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(CliIO io)
    {
        var config = CommonOptions.Config();
        var format = new Option<string>("--format") { Description = "Export format (hf: a Hugging Face datasets folder with every training format and a dataset card)", Required = true, HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong([.. ExportRunner.Exporters.Keys, ExportRunner.HfFormat]);
        var output = new Option<string?>("--out")
        {
            Description = "Output file (default: OUTPUT_DIR/FORMAT.jsonl; '-' for JSONL on stdout); its extension picks the file format: " +
                          ".jsonl, .json (one array) or .parquet (rl, grpo). For hf a folder (default: OUTPUT_DIR/hf)",
            HelpName = "FILE",
        };
        var settings = new Option<string?>("--settings") { Description = "Samples of which settings: current (default: those drawn under the config's settings), all, or a fingerprint from 'synthdata stats'", HelpName = "current|all|FINGERPRINT" };
        var command = new Command("export", "Write training data from the ledger (atomically)") { format, output, config, settings };
        command.SetAction(async (parse, ct) =>
        {
            var options = CommonOptions.LoadConfig(parse, config);
            if (parse.GetValue(settings) is { Length: > 0 } chosen)
                options.Export.Settings = chosen;
            var name = parse.GetValue(format)!;
            var path = parse.GetValue(output);
            // A file format the extension cannot give is refused before the ledger is read.
            if (name != ExportRunner.HfFormat && path is not null and not "-")
            {
                try
                {
                    ExportFileKinds.For(ExportRunner.Exporters[name], path);
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message);
                }
            }

            using var ledger = CommonOptions.OpenLedger(options);
            var context = ExportContext.Read(ledger, options);
            if (name == ExportRunner.HfFormat)
            {
                if (path == "-")
                    throw new UsageException("--format hf writes a folder; give --out DIR");
                path ??= ExportRunner.DefaultPath(options, name);
                await Report(io, await HfDatasetFolder.WriteAsync(context, LedgerStatistics.Read(ledger), path, ct).ConfigureAwait(false)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var exporter = ExportRunner.Exporters[name];
            if (path == "-")
            {
                if (options.Export.TestFraction > 0 && name != "raw")
                    throw new UsageException("export.test_fraction splits the export into train and test files; give --out FILE");
                var count = await ExportRunner.WriteAsync(context, exporter, io.Out, ct).ConfigureAwait(false);
                await io.Error.WriteLineAsync($"{count} {name} records").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            path ??= ExportRunner.DefaultPath(options, name);
            var result = await ExportRunner.ExportAsync(context, exporter, path, ct).ConfigureAwait(false);
            await Report(io, result.Files).ConfigureAwait(false);
            await ReportFilters(io, result.Curation).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task Report(CliIO io, IReadOnlyList<ExportedFile> files)
    {
        foreach (var f in files)
        {
            var data = Path.GetExtension(f.Path) is ".jsonl" or ".json" or ".parquet" && !f.Path.EndsWith("dataset_info.json", StringComparison.Ordinal);
            await io.Error.WriteLineAsync(data ? $"{f.Records} records written to {f.Path}" : $"written {f.Path}").ConfigureAwait(false);
        }
    }

    private static async Task ReportFilters(CliIO io, Selection.Curation d)
    {
        if (d.FilterCounts.Count > 0)
            await io.Error.WriteLineAsync("quality filters removed " + string.Join(", ", d.FilterCounts.Select(kv => $"{kv.Value} {kv.Key}"))).ConfigureAwait(false);
        if (d.DroppedProblems.Count > 0)
            await io.Error.WriteLineAsync($"{d.DroppedProblems.Count} problems were dropped before sampling (see the raw export or synthdata report)").ConfigureAwait(false);
    }
}
