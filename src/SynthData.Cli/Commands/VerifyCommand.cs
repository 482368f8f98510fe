using System.CommandLine;
using System.Text.Json.Nodes;
using SynthData.Logic.Domain;
using SynthData.Problems;
using SynthData.Verification;
using SynthData.Verification.Code;
using SynthData.Verification.Math;

namespace SynthData.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create(CliIO io) => new("verify", "Check answers without running the pipeline")
    {
        CreateMath(io),
        CreateCode(io),
        CreateLogic(io),
    };

    private static Command CreateLogic(CliIO io)
    {
        var input = new Option<string>("--input") { Description = "JSONL of {\"id\",\"problem\",\"response\"}: problem as `generate` prints it ('-' for stdin)", Required = true, HelpName = "IN.jsonl" };
        var output = new Option<string?>("--output") { Description = "Result JSONL (default stdout)", HelpName = "OUT.jsonl" };
        var command = new Command("logic", "Check puzzle solutions by the puzzle's rules, with partial credit") { input, output };
        command.SetAction(async (parse, ct) =>
            await BatchIO.RunAsync("verify logic", parse.GetValue(input)!, parse.GetValue(output), io, async (r, w) =>
            {
                var s = await LogicBatch.RunAsync(r, w, new LogicVerifier(), ct).ConfigureAwait(false);
                return new BatchTally(s.Lines, s.InputErrors, 0);
            }).ConfigureAwait(false));
        return command;
    }

    private static Command CreateMath(CliIO io)
    {
        var gold = new Option<string?>("--gold") { Description = "Reference answer (may be \\boxed{})", HelpName = "G" };
        var pred = new Option<string?>("--pred") { Description = "Predicted answer or a whole model response", HelpName = "P" };
        var input = new Option<string?>("--input") { Description = "JSONL of {\"id\",\"gold\",\"pred\"} ('-' for stdin)", HelpName = "IN.jsonl" };
        var output = new Option<string?>("--output") { Description = "Result JSONL (default stdout)", HelpName = "OUT.jsonl" };
        var command = new Command("math", "Is the prediction mathematically equivalent to the gold answer?") { gold, pred, input, output };
        command.SetAction(async (parse, ct) =>
        {
            var checker = VerifierFactory.CreateMathChecker(new Config.MathVerificationOptions());
            if (parse.GetValue(input) is { } inPath)
            {
                if (parse.GetValue(gold) is not null || parse.GetValue(pred) is not null)
                    throw new UsageException("use either --gold/--pred or --input, not both");
                return await BatchIO.RunAsync("verify math", inPath, parse.GetValue(output), io, async (r, w) =>
                {
                    var s = await MathBatch.RunAsync(r, w, checker, ct).ConfigureAwait(false);
                    await io.Error.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"verify math: check time p50 {s.P50Ms:0.###} ms, p99 {s.P99Ms:0.###} ms")).ConfigureAwait(false);
                    return new BatchTally(s.Lines, s.Errors, 0);
                }).ConfigureAwait(false);
            }

            var g = parse.GetValue(gold);
            var p = parse.GetValue(pred);
            if (g is null || p is null)
                throw new UsageException("verify math needs --gold and --pred, or --input");
            var result = checker.Check(g, p);
            var json = new JsonObject
            {
                ["equivalent"] = result.Equivalent,
                ["extracted"] = result.Extracted,
                ["reason"] = result.Reason,
            };
            await io.Out.WriteLineAsync(json.ToJsonString(ProblemJson.Compact)).ConfigureAwait(false);
            return result.Equivalent ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static Command CreateCode(CliIO io)
    {
        var input = new Option<string>("--input") { Description = "JSONL of {\"id\",\"code\"} plus tests: \"tests\"+\"entry_point\"?, \"function_tests\"+\"entry_point\", \"inputs\"+\"outputs\"+\"fn_name\"?, or \"stdin\"+\"expected_stdout\" ('-' for stdin)", Required = true, HelpName = "IN.jsonl" };
        var output = new Option<string?>("--output") { Description = "Result JSONL (default stdout)", HelpName = "OUT.jsonl" };
        var config = new Option<string?>("--config") { Description = "Optional pipeline config for verification.code settings", HelpName = "FILE" };
        var command = new Command("code", "Run programs against their tests in the sandbox") { input, output, config };
        command.SetAction(async (parse, ct) =>
        {
            var options = parse.GetValue(config) is { } path ? Config.ConfigLoader.Load(path) : new Config.PipelineOptions();
            using var loggers = Hosting.PipelineHost.CreateLoggerFactory();
            using var verifier = VerifierFactory.CreateCodeVerifier(options, loggers);
            await verifier.EnsureSandboxWorksAsync(ct).ConfigureAwait(false); // fail closed, before reading any input
            return await BatchIO.RunAsync("verify code", parse.GetValue(input)!, parse.GetValue(output), io, async (r, w) =>
            {
                var s = await CodeBatch.RunAsync(r, w, verifier, ct).ConfigureAwait(false);
                return new BatchTally(s.Lines, s.InputErrors, s.VerifierErrors);
            }).ConfigureAwait(false);
        });
        return command;
    }
}
