namespace SynthData.Sampling;

/// <summary>
/// A client-side tokens-per-minute cap. Token counts are only known after a response, so this is a token bucket that
/// may go into debt: a request waits while the balance is negative, and each response's usage is charged afterwards.
/// </summary>
public sealed class TokenRateLimiter
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _perMinute;
    private double _balance;
    private long _updated;

    public TokenRateLimiter(double tokensPerMinute, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokensPerMinute);
        _perMinute = tokensPerMinute;
        _balance = tokensPerMinute;
        _time = time ?? TimeProvider.System;
        _updated = _time.GetTimestamp();
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                Refill();
                if (_balance >= 0)
                    return;
                wait = TimeSpan.FromMinutes(-_balance / _perMinute);
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Charge(int tokens)
    {
        lock (_gate)
        {
            Refill();
            _balance -= tokens;
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var minutes = _time.GetElapsedTime(_updated, now).TotalMinutes;
        _updated = now;
        _balance = Math.Min(_perMinute, _balance + (minutes * _perMinute));
    }
}
