using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SynthData.Config;

namespace SynthData.Cli.Hosting;

/// <summary><c>synthdata worker</c>: the same batch on the config's cron schedule (UTC) until the host stops.</summary>
internal sealed class ScheduledBatchService(
    PipelineOptions options, BatchExecutor executor, BatchOutcome outcome, TimeProvider time, ILogger<ScheduledBatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(options.Run.Schedule);
        outcome.ExitCode = ExitCodes.Ok;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                logger.LogWarning("schedule '{Schedule}' has no future occurrence; worker idle", options.Run.Schedule);
                return;
            }

            logger.LogInformation("next batch at {Next:u}", next.Value);
            try
            {
                await Task.Delay(next.Value - now, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                var summary = await executor.ExecuteAsync("worker", new ProgressLogger(logger, TimeSpan.FromSeconds(30)), stoppingToken).ConfigureAwait(false);
                executor.PrintSummary(summary);
                outcome.ExitCode = BatchExecutor.ExitCode(summary);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
            {
                // A failed batch must not kill the worker: the next occurrence retries from the ledger. Expected failures
                // (bad input, an empty source, changed settings) are one clear line; anything else keeps its stack trace.
                var (code, message) = CliErrors.Describe(e);
                if (code == ExitCodes.Usage)
                    logger.LogError("batch failed: {Message}; the next scheduled batch tries again", message);
                else
                    logger.LogError(e, "batch failed; the next scheduled batch resumes from the ledger");
                outcome.ExitCode = ExitCodes.Failed;
            }
        }

        // Stopped by SIGTERM/Ctrl-C: the one documented exit code for an interruption, whether the worker was idle
        // or in a batch (finished work is committed either way).
        outcome.ExitCode = ExitCodes.Interrupted;
    }
}
