using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SynthData.Cli.Hosting;

/// <summary><c>synthdata run</c>: one batch, then stop the host.</summary>
internal sealed class SingleBatchService(BatchExecutor executor, BatchOutcome outcome, IHostApplicationLifetime lifetime, CliIO io, ILogger<SingleBatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var summary = await ProgressDisplay.RunAsync(logger, p => executor.ExecuteAsync("run", p, stoppingToken)).ConfigureAwait(false);
            executor.PrintSummary(summary);
            outcome.ExitCode = BatchExecutor.ExitCode(summary);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            outcome.ExitCode = ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var (code, message) = CliErrors.Describe(e);
            if (code == ExitCodes.Failed && e is not System.Data.Common.DbException)
                logger.LogError(e, "run failed"); // unexpected: keep the stack trace for the bug report
            else if (code == ExitCodes.Usage)
                io.Error.WriteLine(message); // bad input or config: the same plain, located lines as errors found before the run
            else
                logger.LogError("{Message}", message);
            outcome.ExitCode = code;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
