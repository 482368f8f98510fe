using Microsoft.Extensions.Logging;

namespace SynthData.Sampling;

/// <summary>
/// Warnings that can repeat thousands of times (the same failure of every request during an outage) are logged once,
/// then summarised: "N more like this in the last T s". Keyed by what the warning says, not by its counters.
/// </summary>
public sealed class RepeatedWarnings(ILogger logger, TimeProvider time, TimeSpan window) : IDisposable
{
    private sealed class Entry(long since)
    {
        public long Since = since;
        public int Suppressed;
        public string Last = "";
    }

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private ITimer? _flushTimer;

    public TimeSpan Window => window;

    public void Warn(string key, string message)
    {
        string? summary = null;
        var print = false;
        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (_entries.TryGetValue(key, out var e) && time.GetElapsedTime(e.Since, now) < window)
            {
                e.Suppressed++;
                e.Last = message;
                _flushTimer ??= time.CreateTimer(_ => Flush(), null, window, Timeout.InfiniteTimeSpan);
            }
            else
            {
                if (e is { Suppressed: > 0 })
                    summary = Summary(e, now);
                _entries[key] = new Entry(now);
                print = true;
            }
        }

        if (summary is not null)
            logger.LogWarning("{Summary}", summary);
        if (print)
            logger.LogWarning("{Message}", message);
    }

    /// <summary>Prints the counts still pending, so a burst that stopped is not left unreported.</summary>
    public void Flush()
    {
        List<string> summaries = [];
        lock (_lock)
        {
            var now = time.GetTimestamp();
            foreach (var e in _entries.Values.Where(e => e.Suppressed > 0))
            {
                summaries.Add(Summary(e, now));
                e.Suppressed = 0;
                e.Since = now;
            }

            _flushTimer?.Dispose();
            _flushTimer = null;
        }

        foreach (var s in summaries)
            logger.LogWarning("{Summary}", s);
    }

    private string Summary(Entry e, long now) =>
        $"{e.Suppressed} more like this in the last {time.GetElapsedTime(e.Since, now).TotalSeconds:0}s (latest: {e.Last})";

    public void Dispose() => Flush();
}
