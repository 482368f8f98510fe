using System.CommandLine;
using SynthData.Cli.Hosting;

namespace SynthData.Cli.Commands;

internal static class WorkerCommand
{
    public static Command Create(CliIO io)
    {
        var config = CommonOptions.Config();
        var command = new Command("worker", "Run the batch on the config's cron schedule (run.schedule, UTC) until SIGTERM/Ctrl-C") { config };
        command.SetAction(async (parse, _) =>
            await PipelineHost.RunAsync(CommonOptions.LoadConfig(parse, config), scheduled: true, io).ConfigureAwait(false));
        return command;
    }
}
