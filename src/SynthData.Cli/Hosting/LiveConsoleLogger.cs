using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace SynthData.Cli.Hosting;

/// <summary>
/// Log lines written through Spectre.Console while the live panel is up: the live display redraws itself below
/// whatever goes through the same console, so warnings appear above the panel instead of tearing it.
/// </summary>
internal sealed class LiveConsoleLoggerProvider : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger();

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var level = logLevel switch { LogLevel.Warning => "warn", LogLevel.Error => "fail", _ => "crit" };
            var line = $"{DateTime.UtcNow:HH:mm:ss} {level}: {formatter(state, exception)}" + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})");
            lock (Gate)
                AnsiConsole.Console.WriteLine(line, Style.Plain);
        }
    }
}
