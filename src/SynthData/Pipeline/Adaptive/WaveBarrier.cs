namespace SynthData.Pipeline.Adaptive;

/// <summary>
/// Counts the samples of the current round that are not yet settled in the ledger (verdict or request error committed),
/// so the next round is planned from a ledger that holds every result of this one. Rounds are what keeps waves
/// independent of timing: a problem's next wave is decided from committed rows only.
/// </summary>
public sealed class WaveBarrier
{
    private readonly Lock _gate = new();
    private long _outstanding;
    private TaskCompletionSource _drained = Settled();

    public void Add(int samples)
    {
        if (samples == 0)
            return;
        lock (_gate)
        {
            if (_outstanding == 0)
                _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _outstanding += samples;
        }
    }

    public void Settle(int samples)
    {
        if (samples == 0)
            return;
        lock (_gate)
        {
            _outstanding -= samples;
            if (_outstanding <= 0)
            {
                _outstanding = 0;
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Completes when every added sample is settled, or when <paramref name="ct"/> is cancelled (stopping).</summary>
    public Task WhenDrained(CancellationToken ct)
    {
        lock (_gate)
            return _drained.Task.WaitAsync(ct);
    }

    private static TaskCompletionSource Settled()
    {
        var t = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        t.SetResult();
        return t;
    }
}
