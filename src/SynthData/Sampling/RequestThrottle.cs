using System.Threading.RateLimiting;
using SynthData.Config;

namespace SynthData.Sampling;

/// <summary>
/// Everything that decides when the next HTTP attempt may start: adaptive concurrency, requests per minute and
/// tokens per minute. One instance per run, shared by all sampler workers.
/// </summary>
public sealed class RequestThrottle : IAsyncDisposable
{
    private readonly RateLimiter? _requests;
    private readonly TokenRateLimiter? _tokens;

    public RequestThrottle(ModelOptions options, TimeProvider? time = null)
    {
        Concurrency = new AdaptiveConcurrencyLimiter(options.Concurrency, options.AdaptiveConcurrency, time);
        if (options.RequestsPerMinute is { } rpm)
        {
            _requests = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                // A burst of one second's worth keeps the rate smooth without starving low limits.
                TokenLimit = Math.Max(1, rpm / 60),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / rpm),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        if (options.TokensPerMinute is { } tpm)
            _tokens = new TokenRateLimiter(tpm, time);
    }

    public AdaptiveConcurrencyLimiter Concurrency { get; }

    /// <summary>Waits for a concurrency slot for one sample (all its attempts); dispose the lease when it ends.</summary>
    public async Task<Lease> AcquireSlotAsync(CancellationToken cancellationToken)
    {
        await Concurrency.AcquireAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(this);
    }

    /// <summary>Waits until the request and token rates allow one more HTTP attempt.</summary>
    public async Task WaitForRateAsync(CancellationToken cancellationToken)
    {
        if (_tokens is not null)
            await _tokens.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_requests is not null)
        {
            using var permit = await _requests.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!permit.IsAcquired)
                throw new InvalidOperationException("request rate limiter refused a permit");
        }
    }

    public void OnCompleted(ModelCompletion completion)
    {
        Concurrency.OnSuccess();
        _tokens?.Charge(completion.PromptTokens + completion.CompletionTokens);
    }

    public void OnThrottled() => Concurrency.OnThrottled();

    public async ValueTask DisposeAsync()
    {
        if (_requests is not null)
            await _requests.DisposeAsync().ConfigureAwait(false);
    }

    public readonly struct Lease(RequestThrottle owner) : IDisposable
    {
        public void Dispose() => owner.Concurrency.Release();
    }
}
