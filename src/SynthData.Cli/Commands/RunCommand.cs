using System.CommandLine;
using SynthData.Cli.Hosting;

namespace SynthData.Cli.Commands;

internal static class RunCommand
{
    public static Command Create(CliIO io)
    {
        var config = CommonOptions.Config();
        var maxProblems = new Option<int?>("--max-problems") { Description = "Take at most N problems from the sources", HelpName = "N" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Estimate requests, tokens and cost of the run from the ledger's history; send nothing" };
        var json = new Option<bool>("--json") { Description = "With --dry-run: print the estimate as JSON" };
        var command = new Command("run", "Run one batch: sample, verify and record every configured problem, then exit") { config, maxProblems, dryRun, json };
        command.SetAction(async (parse, ct) =>
        {
            var options = CommonOptions.LoadConfig(parse, config);
            if (parse.GetValue(maxProblems) is { } max)
            {
                if (max < 1)
                    throw new UsageException("--max-problems must be at least 1");
                options.Run.MaxProblems = max;
            }

            if (parse.GetValue(dryRun))
                return DryRun.Print(options, parse.GetValue(json), io, ct);
            return await PipelineHost.RunAsync(options, scheduled: false, io).ConfigureAwait(false);
        });
        return command;
    }
}
