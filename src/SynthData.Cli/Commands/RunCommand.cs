using System.CommandLine;
using SynthData.Cli.Hosting;

namespace SynthData.Cli.Commands;

internal static class RunCommand
{
    public static Command Create(CliIO io)
    {
        var config = CommonOptions.Config();
        var maxProblems = new Option<int?>("--max-problems") { Description = "Take at most N problems from the sources", HelpName = "N" };
        var command = new Command("run", "Run one batch: sample, verify and record every configured problem, then exit") { config, maxProblems };
        command.SetAction(async (parse, _) =>
        {
            var options = CommonOptions.LoadConfig(parse, config);
            if (parse.GetValue(maxProblems) is { } max)
            {
                if (max < 1)
                    throw new UsageException("--max-problems must be at least 1");
                options.Run.MaxProblems = max;
            }

            return await PipelineHost.RunAsync(options, scheduled: false, io).ConfigureAwait(false);
        });
        return command;
    }
}
