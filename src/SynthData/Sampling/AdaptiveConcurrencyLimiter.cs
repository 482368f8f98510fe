namespace SynthData.Sampling;

/// <summary>
/// Bounds requests in flight and adapts the bound to the server: halves it when the server throttles (429) and
/// creeps back up by one after a full window of successes (additive increase, multiplicative decrease). Sustained
/// 429s therefore shrink the load instead of burning the retry budget, and the load recovers when they stop.
/// </summary>
public sealed class AdaptiveConcurrencyLimiter
{
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _cooldown;
    private readonly bool _adaptive;
    private long _lastDecrease;
    private int _successes;

    public AdaptiveConcurrencyLimiter(int max, bool adaptive, TimeProvider? time = null, TimeSpan? cooldown = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        Max = max;
        Limit = max;
        _adaptive = adaptive;
        _time = time ?? TimeProvider.System;
        _cooldown = cooldown ?? TimeSpan.FromSeconds(2);
        _lastDecrease = _time.GetTimestamp() - (long)(_cooldown.TotalSeconds * _time.TimestampFrequency);
    }

    public int Max { get; }
    public int Limit { get; private set; }
    public int InFlight { get; private set; }

    /// <summary>Lowest limit reached so far (for run summaries and tests).</summary>
    public int LowestLimit { get; private set; } = int.MaxValue;

    public Task AcquireAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (InFlight < Limit)
            {
                InFlight++;
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            if (cancellationToken.CanBeCanceled)
                cancellationToken.Register(() => Cancel(waiter, cancellationToken));
            return waiter.Task;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            InFlight--;
            Pump();
        }
    }

    public void OnSuccess()
    {
        if (!_adaptive)
            return;
        lock (_gate)
        {
            if (Limit >= Max || ++_successes < Limit)
                return;
            _successes = 0;
            Limit++;
            Pump();
        }
    }

    public void OnThrottled()
    {
        if (!_adaptive)
            return;
        lock (_gate)
        {
            // One decrease per cooldown: a burst of 429s from requests sent at the same time is one signal, not many.
            var now = _time.GetTimestamp();
            if (_time.GetElapsedTime(_lastDecrease, now) < _cooldown)
                return;
            _lastDecrease = now;
            _successes = 0;
            Limit = Math.Max(1, Limit / 2);
            LowestLimit = Math.Min(LowestLimit, Limit);
        }
    }

    private void Pump()
    {
        while (InFlight < Limit && _waiters.TryDequeue(out var next))
        {
            if (next.TrySetResult())
                InFlight++;
        }
    }

    private void Cancel(TaskCompletionSource waiter, CancellationToken token)
    {
        lock (_gate)
            waiter.TrySetCanceled(token);
    }
}
