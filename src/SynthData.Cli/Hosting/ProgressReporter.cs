using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using SynthData.Pipeline;

namespace SynthData.Cli.Hosting;

/// <summary>
/// Plain progress log lines at most every few seconds. Used when output is not a terminal (CI, files, pipes), where
/// a live display would only add escape codes.
/// </summary>
internal sealed class ProgressLogger(ILogger logger, TimeSpan interval) : IProgress<RunProgress>
{
    private long _last = Stopwatch.GetTimestamp();

    public void Report(RunProgress value)
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _last);
        if (Stopwatch.GetElapsedTime(last, now) < interval || Interlocked.CompareExchange(ref _last, now, last) != last)
            return;
        logger.LogInformation("progress: {Done}/{Total} samples, {Accepted} accepted, {Rejected} rejected, {Errors} failed, {Requests} requests",
            value.SamplesCompleted, value.SamplesToRequest, value.Accepted, value.Rejected, value.RequestErrors, value.Requests);
    }
}

/// <summary>Chooses the progress display: a live bar on an interactive terminal, log lines otherwise.</summary>
internal static class ProgressDisplay
{
    public static bool IsInteractive => !Console.IsErrorRedirected && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;

    public static async Task<T> RunAsync<T>(ILogger logger, Func<IProgress<RunProgress>, Task<T>> work)
    {
        if (!IsInteractive)
            return await work(new ProgressLogger(logger, TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        var panel = new LivePanel();
        var state = "sampling";
        var result = default(T)!;
        await AnsiConsole.Live(panel.Render(state)).AutoClear(false).StartAsync(async ctx =>
        {
            var running = work(panel);
            while (await Task.WhenAny(running, Task.Delay(500)).ConfigureAwait(false) != running)
            {
                ctx.UpdateTarget(panel.Render(state));
            }

            try
            {
                result = await running.ConfigureAwait(false);
                state = result is RunSummary s ? (s.Interrupted ? "interrupted" : s.Complete ? "complete" : "finished with failures") : "done";
            }
            finally
            {
                ctx.UpdateTarget(panel.Render(state)); // the real final state, never forced to 100%
            }
        }).ConfigureAwait(false);
        return result;
    }
}
