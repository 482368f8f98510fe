using System.CommandLine;
using System.Text;
using SynthData.Verification;
using SynthData.Verification.Math.Audit;

namespace SynthData.Cli.Commands;

/// <summary><c>synthdata audit math</c>: how far to trust the verifier on the user's own labelled cases.</summary>
internal static class AuditCommand
{
    public static Command Create(CliIO io) => new("audit", "Measure a verifier on your own labelled cases")
    {
        CreateMath(io),
    };

    private static Command CreateMath(CliIO io)
    {
        var input = new Option<string>("--input") { Description = "JSONL of {\"id\",\"gold\",\"pred\",\"expected\": true|false,\"category\"?} ('-' for stdin)", Required = true, HelpName = "LABELLED.jsonl" };
        var json = new Option<bool>("--json") { Description = "One JSON object instead of the text report" };
        var slowest = new Option<int>("--slowest") { Description = "How many of the slowest checks to list", DefaultValueFactory = _ => 10 };
        var config = new Option<string?>("--config") { Description = "Optional pipeline config for verification.math settings", HelpName = "FILE" };
        var command = new Command("math", "Agreement, precision, recall, confusion by category, slowest checks and every disagreement") { input, json, slowest, config };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(input)!;
            if (path != "-" && !File.Exists(path))
                throw new UsageException($"input file not found: {path}");
            if (parse.GetValue(slowest) < 0)
                throw new UsageException("--slowest must be 0 or more");
            var options = parse.GetValue(config) is { } cfg ? Config.ConfigLoader.Load(cfg) : new Config.PipelineOptions();
            var checker = VerifierFactory.CreateMathChecker(options.Verification.Math);
            using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false)) : new StreamReader(path, new UTF8Encoding(false));
            var report = await MathAudit.RunAsync(reader, checker, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
                await MathAuditWriter.WriteJsonAsync(report, checker.Version, parse.GetValue(slowest), io.Out).ConfigureAwait(false);
            else
                await MathAuditWriter.WriteTextAsync(report, checker.Version, parse.GetValue(slowest), io.Out).ConfigureAwait(false);
            if (report.InputErrors.Count > 0)
            {
                await io.Error.WriteLineAsync($"audit math: {report.InputErrors.Count} malformed lines in {path} (listed in the report); fix them and rerun (exit code 2)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            if (report.Outcomes.Count == 0)
                throw new UsageException($"{path} holds no labelled cases");
            return ExitCodes.Ok;
        });
        return command;
    }
}
