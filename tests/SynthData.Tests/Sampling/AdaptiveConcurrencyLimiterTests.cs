using Microsoft.Extensions.Time.Testing;
using SynthData.Sampling;

namespace SynthData.Tests.Sampling;

public sealed class AdaptiveConcurrencyLimiterTests
{
    [Fact]
    public async Task Never_more_in_flight_than_the_limit()
    {
        var limiter = new AdaptiveConcurrencyLimiter(3, adaptive: false);
        await limiter.AcquireAsync(CancellationToken.None);
        await limiter.AcquireAsync(CancellationToken.None);
        await limiter.AcquireAsync(CancellationToken.None);
        var fourth = limiter.AcquireAsync(CancellationToken.None);
        Assert.False(fourth.IsCompleted);
        limiter.Release();
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, limiter.InFlight);
    }

    [Fact]
    public void Throttling_halves_the_limit_once_per_cooldown_and_successes_restore_it()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveConcurrencyLimiter(16, adaptive: true, time, TimeSpan.FromSeconds(2));
        limiter.OnThrottled();
        limiter.OnThrottled(); // same burst: ignored
        Assert.Equal(8, limiter.Limit);
        time.Advance(TimeSpan.FromSeconds(3));
        limiter.OnThrottled();
        Assert.Equal(4, limiter.Limit);
        Assert.Equal(4, limiter.LowestLimit);

        for (var i = 0; i < 4; i++)
            limiter.OnSuccess();
        Assert.Equal(5, limiter.Limit); // one step per window of successes
        for (var i = 0; i < 1000; i++)
            limiter.OnSuccess();
        Assert.Equal(16, limiter.Limit); // never above the configured maximum
    }

    [Fact]
    public async Task Cancelled_waiters_do_not_take_a_slot()
    {
        var limiter = new AdaptiveConcurrencyLimiter(1, adaptive: false);
        await limiter.AcquireAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        limiter.Release();
        Assert.Equal(0, limiter.InFlight);
        await limiter.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
