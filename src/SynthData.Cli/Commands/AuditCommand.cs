using System.CommandLine;
using System.Text;
using SynthData.Verification;
using SynthData.Verification.Code.Audit;
using SynthData.Verification.Math.Audit;

namespace SynthData.Cli.Commands;

/// <summary><c>synthdata audit math|code</c>: how far to trust a verifier on the user's own labelled cases.</summary>
internal static class AuditCommand
{
    public static Command Create(CliIO io) => new("audit", "Measure a verifier on your own labelled cases")
    {
        CreateMath(io),
        CreateCode(io),
    };

    private static Command CreateMath(CliIO io)
    {
        var args = AuditArguments.Create("JSONL of {\"id\",\"gold\",\"pred\",\"expected\": true|false,\"category\"?} ('-' for stdin)", "verification.math");
        var command = new Command("math", "Agreement, precision, recall, confusion by category, slowest checks and every disagreement");
        args.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (path, json, slowest, options) = args.Read(parse);
            var checker = VerifierFactory.CreateMathChecker(options.Verification.Math);
            using var reader = AuditArguments.OpenInput(path);
            var report = await MathAudit.RunAsync(reader, checker, ct).ConfigureAwait(false);
            if (json)
                await MathAuditWriter.WriteJsonAsync(report, checker.Version, slowest, io.Out).ConfigureAwait(false);
            else
                await MathAuditWriter.WriteTextAsync(report, checker.Version, slowest, io.Out).ConfigureAwait(false);
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

    private static Command CreateCode(CliIO io)
    {
        var args = AuditArguments.Create("JSONL of verify code rows ({\"id\",\"code\"} plus tests) with \"expected\": true|false and \"category\"? ('-' for stdin)", "verification.code");
        var command = new Command("code", "Agreement, precision, recall, confusion by category, verdict kinds, slowest checks and every disagreement");
        args.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (path, json, slowest, options) = args.Read(parse);
            using var loggers = Hosting.PipelineHost.CreateLoggerFactory();
            using var verifier = VerifierFactory.CreateCodeVerifier(options, loggers);
            await verifier.EnsureSandboxWorksAsync(ct).ConfigureAwait(false); // fail closed, before any program runs
            using var reader = AuditArguments.OpenInput(path);
            var report = await CodeAudit.RunAsync(reader, verifier, ct).ConfigureAwait(false);
            if (json)
                await CodeAuditWriter.WriteJsonAsync(report, verifier.Version, slowest, io.Out).ConfigureAwait(false);
            else
                await CodeAuditWriter.WriteTextAsync(report, verifier.Version, slowest, io.Out).ConfigureAwait(false);
            if (report.InputErrors.Count > 0)
            {
                await io.Error.WriteLineAsync($"audit code: {report.InputErrors.Count} malformed lines in {path} (listed in the report; no program was run); fix them and rerun (exit code 2)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            if (report.Outcomes.Count == 0 && report.VerifierErrors.Count == 0)
                throw new UsageException($"{path} holds no labelled cases");
            if (report.VerifierErrors.Count > 0)
            {
                await io.Error.WriteLineAsync($"audit code: the sandbox could not check {report.VerifierErrors.Count} cases (listed in the report); the figures leave them out (exit code 1)").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The options every <c>audit</c> subcommand takes, and their checks.</summary>
    private sealed record AuditArguments(Option<string> Input, Option<bool> Json, Option<int> Slowest, Option<string?> Config)
    {
        public static AuditArguments Create(string inputDescription, string configSection) => new(
            new Option<string>("--input") { Description = inputDescription, Required = true, HelpName = "LABELLED.jsonl" },
            new Option<bool>("--json") { Description = "One JSON object instead of the text report" },
            new Option<int>("--slowest") { Description = "How many of the slowest checks to list", DefaultValueFactory = _ => 10 },
            new Option<string?>("--config") { Description = $"Optional pipeline config for {configSection} settings", HelpName = "FILE" });

        public void AddTo(Command command)
        {
            command.Options.Add(Input);
            command.Options.Add(Json);
            command.Options.Add(Slowest);
            command.Options.Add(Config);
        }

        public (string Path, bool Json, int Slowest, SynthData.Config.PipelineOptions Options) Read(ParseResult parse)
        {
            var path = parse.GetValue(Input)!;
            if (path != "-" && !File.Exists(path))
                throw new UsageException($"input file not found: {path}");
            if (parse.GetValue(Slowest) < 0)
                throw new UsageException("--slowest must be 0 or more");
            var options = parse.GetValue(Config) is { } cfg ? SynthData.Config.ConfigLoader.Load(cfg) : new SynthData.Config.PipelineOptions();
            return (path, parse.GetValue(Json), parse.GetValue(Slowest), options);
        }

        public static StreamReader OpenInput(string path) =>
            path == "-" ? new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false)) : new StreamReader(path, new UTF8Encoding(false));
    }
}
