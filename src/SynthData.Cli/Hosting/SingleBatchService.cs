using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SynthData.Config;

namespace SynthData.Cli.Hosting;

/// <summary><c>synthdata run</c>: one batch, then stop the host.</summary>
internal sealed class SingleBatchService(BatchExecutor executor, BatchOutcome outcome, IHostApplicationLifetime lifetime, ILogger<SingleBatchService> logger)
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
        catch (UsageException e)
        {
            logger.LogError("{Message}", e.Message);
            outcome.ExitCode = ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "run failed");
            outcome.ExitCode = ExitCodes.Failed;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
