using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SynthData.Config;

namespace SynthData.Cli.Hosting;

/// <summary>The generic host behind <c>run</c> and <c>worker</c>: logging to stderr, SIGTERM/Ctrl-C handling, graceful stop.</summary>
public static class PipelineHost
{
    public static async Task<int> RunAsync(PipelineOptions options, bool scheduled, CliIO io)
    {
        // Missing dataset or benchmark files are located config errors (exit 2) before anything starts, not a failed batch.
        Problems.ProblemSourceFactory.CheckFilesExist(options);
        _ = Filtering.BenchmarkIndex.ResolveFiles(options);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        var live = !scheduled && ProgressDisplay.IsInteractive;
        ConfigureLogging(builder.Logging, quiet: live);
        if (live)
        {
            builder.Logging.ClearProviders(); // console logs would tear the live panel: they go through it instead
            builder.Logging.AddProvider(new LiveConsoleLoggerProvider());
        }
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        // The host must wait longer than the pipeline's own grace period, or in-flight work is cut off uncommitted.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.Run.ShutdownGraceSeconds + 30));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(io);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BatchOutcome>();
        builder.Services.AddSingleton<BatchExecutor>();
        if (scheduled)
            builder.Services.AddHostedService<ScheduledBatchService>();
        else
            builder.Services.AddHostedService<SingleBatchService>();

        using var host = builder.Build();
        var outcome = host.Services.GetRequiredService<BatchOutcome>();
        await host.RunAsync().ConfigureAwait(false); // disposes the host's services when it returns
        return outcome.ExitCode;
    }

    public static void ConfigureLogging(ILoggingBuilder logging, bool quiet)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(quiet ? LogLevel.Warning : LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("Polly", LogLevel.Warning);
    }

    public static ILoggerFactory CreateLoggerFactory(LogLevel level = LogLevel.Warning) =>
        LoggerFactory.Create(b =>
        {
            ConfigureLogging(b, quiet: false);
            b.SetMinimumLevel(level);
        });
}
