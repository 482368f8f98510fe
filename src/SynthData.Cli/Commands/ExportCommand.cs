using System.CommandLine;
using SynthData.Export;
using SynthData.Ledger;

namespace SynthData.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(CliIO io)
    {
        var config = CommonOptions.Config();
        var format = new Option<string>("--format") { Description = "Export format", Required = true, HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("sft", "dpo", "rl", "sharegpt", "raw");
        var output = new Option<string?>("--out") { Description = "Output file (default: OUTPUT_DIR/FORMAT.jsonl; '-' for stdout)", HelpName = "FILE" };
        var command = new Command("export", "Write training data from the ledger (atomically)") { format, output, config };
        command.SetAction(async (parse, ct) =>
        {
            var options = CommonOptions.LoadConfig(parse, config);
            var name = parse.GetValue(format)!;
            if (!ExportRunner.Exporters.TryGetValue(name, out var exporter))
                throw new UsageException($"export format '{name}' is not available in this build (available: {string.Join(", ", ExportRunner.Exporters.Keys)})");
            if (!RunLedger.Exists(options.OutputDirectory))
                throw new UsageException($"no ledger in {options.OutputDirectory}; run 'synthdata run' first");
            using var ledger = RunLedger.Open(options.OutputDirectory);
            var path = parse.GetValue(output);
            if (path == "-")
            {
                var count = await exporter.WriteAsync(new ExportContext(ledger.ReadAttempts(), options), io.Out, ct).ConfigureAwait(false);
                await io.Error.WriteLineAsync($"{count} {name} records").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            path ??= ExportRunner.DefaultPath(options, name);
            var written = await ExportRunner.ExportAsync(ledger, options, exporter, path, ct).ConfigureAwait(false);
            await io.Error.WriteLineAsync($"{written} {name} records written to {path}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
