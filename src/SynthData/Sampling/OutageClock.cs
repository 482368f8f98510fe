namespace SynthData.Sampling;

/// <summary>How long the endpoint has been down: from the circuit first opening until it closes again.</summary>
public sealed class OutageClock(TimeProvider time)
{
    private long _since = -1;
    private int _succeeded;

    /// <summary>
    /// Whether any request has succeeded. Before the first success an open circuit is not an outage to wait out but an
    /// endpoint that may not exist (wrong URL, server not started): those failures spend the retry budget.
    /// </summary>
    public bool EverSucceeded => Volatile.Read(ref _succeeded) != 0;

    public void MarkSuccess() => Volatile.Write(ref _succeeded, 1);

    public TimeSpan Elapsed => Interlocked.Read(ref _since) is var s && s >= 0 ? time.GetElapsedTime(s) : TimeSpan.Zero;

    public void Opened()
    {
        Interlocked.CompareExchange(ref _since, time.GetTimestamp(), -1);
    }

    /// <summary>Ends the outage; returns how long it lasted, or null when there was none.</summary>
    public TimeSpan? Closed()
    {
        var since = Interlocked.Exchange(ref _since, -1);
        if (since < 0)
            return null;
        return time.GetElapsedTime(since);
    }
}
