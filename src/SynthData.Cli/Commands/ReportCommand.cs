using System.CommandLine;
using SynthData.Export;
using SynthData.Ledger;
using SynthData.Reports;

namespace SynthData.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create(CliIO io)
    {
        var config = CommonOptions.Config();
        var output = new Option<string?>("--out") { Description = "Folder for report.csv and report.html (default: OUTPUT_DIR/report)", HelpName = "DIR" };
        var command = new Command("report", "Write a CSV table per source × difficulty and a self-contained HTML report with charts") { config, output };
        command.SetAction(async (parse, ct) =>
        {
            var options = CommonOptions.LoadConfig(parse, config);
            using var ledger = CommonOptions.OpenLedger(options);
            var dir = parse.GetValue(output) ?? Path.Combine(options.OutputDirectory, "report");
            var (csv, html, rows) = await RunReport.WriteAsync(ExportContext.Read(ledger, options), dir, ct).ConfigureAwait(false);
            await io.Error.WriteLineAsync($"{rows} rows written to {csv}").ConfigureAwait(false);
            await io.Error.WriteLineAsync($"report written to {html}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
