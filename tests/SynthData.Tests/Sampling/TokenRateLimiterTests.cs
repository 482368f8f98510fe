using Microsoft.Extensions.Time.Testing;
using SynthData.Sampling;

namespace SynthData.Tests.Sampling;

public sealed class TokenRateLimiterTests
{
    [Fact]
    public async Task Requests_wait_while_the_token_balance_is_in_debt()
    {
        var time = new FakeTimeProvider();
        var limiter = new TokenRateLimiter(600, time); // 10 tokens per second
        await limiter.WaitAsync(CancellationToken.None); // full bucket: no wait
        limiter.Charge(900); // 300 tokens of debt = 30 s
        var waiting = limiter.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
