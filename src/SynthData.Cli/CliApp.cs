using System.CommandLine;
using SynthData.Cli.Commands;

namespace SynthData.Cli;

/// <summary>
/// The <c>synthdata</c> command tree (DESIGN.md §2). Exit codes: 0 success; 1 a negative verdict or a run that
/// finished with failures; 2 bad usage or bad input; 130 interrupted.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var io = new CliIO(stdout, stderr);
        var root = new RootCommand("SynthData: verified chain-of-thought training data by rejection sampling.")
        {
            RunCommand.Create(io),
            WorkerCommand.Create(io),
            SolveCommand.Create(io),
            GenerateCommand.Create(io),
            GeneratorsCommand.Create(io),
            VerifyCommand.Create(io),
            AuditCommand.Create(io),
            ExportCommand.Create(io),
            StatsCommand.Create(io),
            LedgerCommand.Create(io),
            ReportCommand.Create(io),
            SimulateEndpointCommand.Create(io),
            ServeRewardCommand.Create(io),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync("see 'synthdata --help'").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                // The generic host handles SIGTERM/Ctrl-C for run and worker; two handlers would race.
                ProcessTerminationTimeout = null,
                EnableDefaultExceptionHandler = false,
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var (code, message) = CliErrors.Describe(e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e);
            await stderr.WriteLineAsync(message).ConfigureAwait(false);
            return code;
        }
    }
}

/// <summary>Where commands write: injectable so tests can run the CLI in-process.</summary>
public sealed record CliIO(TextWriter Out, TextWriter Error);

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;
}

/// <summary>Bad usage or bad input that the user must fix: printed without a stack trace, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
