using Microsoft.Extensions.Logging;

namespace SynthData.Sampling;

/// <summary>
/// The circuit breaker: one per run, shared by every sample. It opens when the endpoint looks down — at once on a
/// refused connection (nothing is listening: unambiguous), otherwise after a short run of consecutive server-side
/// failures with no success in between, so with 64 requests in flight it opens within those failures rather than
/// after a time window. While open no sample sends anything; a separate prober sends the smallest real request
/// (1 token) with growing pauses up to <c>circuit_break_seconds</c>, and the gate closes on its first HTTP answer
/// below 500. Probes are the gate's own requests: they never spend a sample's retries. An outage longer than
/// <c>max_outage_seconds</c> fails the waiting samples.
/// </summary>
public sealed class EndpointGate
{
    private static readonly TimeSpan FirstProbeDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Func<CancellationToken, Task>? _probe;
    private readonly RepeatedWarnings _log;
    private readonly TimeProvider _time;
    private readonly TimeSpan _breakDuration;
    private readonly TimeSpan _maxOutage;
    private readonly int _threshold;
    private int _consecutive;
    private long _openedAt = -1;
    private bool _gaveUp;
    private TaskCompletionSource _closed = NewSignal();

    /// <param name="probe">Sends one probe request; null means "reopen after the pause and let the samples find out".</param>
    public EndpointGate(int concurrency, double circuitBreakSeconds, double maxOutageSeconds, Func<CancellationToken, Task>? probe,
        RepeatedWarnings log, TimeProvider time)
    {
        _probe = probe;
        _log = log;
        _time = time;
        _breakDuration = TimeSpan.FromSeconds(circuitBreakSeconds);
        _maxOutage = TimeSpan.FromSeconds(maxOutageSeconds);
        // Enough that a few unlucky faults in a row (a 20% fault rate) do not pause a healthy endpoint, few enough
        // that a dead one is noticed within the first wave of in-flight requests.
        _threshold = Math.Clamp(concurrency, 3, 8);
    }

    public bool IsOpen
    {
        get
        {
            lock (_lock)
                return _openedAt >= 0;
        }
    }

    /// <summary>Times the gate has opened (for tests and summaries).</summary>
    public int Openings { get; private set; }

    /// <summary>Probe requests sent (for tests).</summary>
    public int Probes { get; private set; }

    /// <summary>Returns when requests may be sent; throws <see cref="EndpointDownException"/> when the outage outlasted its limit.</summary>
    public async ValueTask WaitUntilClosedAsync(CancellationToken ct)
    {
        while (true)
        {
            Task closed;
            TimeSpan left;
            lock (_lock)
            {
                if (_openedAt < 0)
                    return;
                var down = _time.GetElapsedTime(_openedAt);
                if (_gaveUp || down >= _maxOutage)
                    throw new EndpointDownException(down);
                closed = _closed.Task;
                left = _maxOutage - down;
            }

            try
            {
                await closed.WaitAsync(left, _time, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Loop: the check above now fails the sample.
            }
        }
    }

    public void OnSuccess()
    {
        lock (_lock)
            _consecutive = 0;
    }

    /// <summary>Records a failed attempt. Returns true when it belongs to an outage (the gate is open now).</summary>
    public bool OnFailure(Exception e, bool serverFailure)
    {
        lock (_lock)
        {
            if (_openedAt >= 0)
                return serverFailure; // failures of requests sent before the gate opened: part of the same outage
            if (!serverFailure)
            {
                _consecutive = 0; // the server answered (a 4xx, a 429): it is up
                return false;
            }

            var refused = e is EndpointUnreachableException { Refused: true };
            if (++_consecutive < _threshold && !refused)
                return false;
            _openedAt = _time.GetTimestamp();
            _gaveUp = false;
            _closed = NewSignal();
            Openings++;
        }

        _log.Warn("endpoint-open", $"endpoint failing ({ResiliencePipelineFactory.Describe(e)}): circuit open, pausing all requests and probing the endpoint (every {_breakDuration.TotalSeconds:0.#}s at most)");
        _ = Task.Run(ProbeUntilUpAsync);
        return true;
    }

    private async Task ProbeUntilUpAsync()
    {
        var delay = FirstProbeDelay < _breakDuration ? FirstProbeDelay : _breakDuration;
        while (true)
        {
            await Task.Delay(delay, _time).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _breakDuration.Ticks));
            if (await ProbeAsync().ConfigureAwait(false))
            {
                Close();
                return;
            }

            lock (_lock)
            {
                if (_time.GetElapsedTime(_openedAt) < _maxOutage)
                    continue;
                // Give up: the waiting samples fail now, and the gate stays shut for the rest of the run.
                _gaveUp = true;
                _closed.TrySetResult();
            }

            _log.Warn("endpoint-gave-up", $"endpoint still down after {_maxOutage.TotalSeconds:0.#}s (max_outage_seconds): failing the waiting samples");
            return;
        }
    }

    private async Task<bool> ProbeAsync()
    {
        if (_probe is null)
            return true;
        lock (_lock)
            Probes++;
        try
        {
            await _probe(CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Any HTTP answer that is not a server error means the server is back (it may still reject or throttle).
            return !ResiliencePipelineFactory.IsServerFailure(e, CancellationToken.None);
        }
    }

    private void Close()
    {
        TimeSpan lasted;
        lock (_lock)
        {
            lasted = _time.GetElapsedTime(_openedAt);
            _openedAt = -1;
            _consecutive = 0;
            _closed.TrySetResult();
        }

        _log.Flush();
        _log.Warn("endpoint-recovered", $"endpoint recovered after {lasted.TotalSeconds:0.#}s; resuming");
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The endpoint stayed down longer than <c>max_outage_seconds</c>.</summary>
public sealed class EndpointDownException(TimeSpan down)
    : Exception($"endpoint down for {down.TotalSeconds:0}s, longer than max_outage_seconds");
