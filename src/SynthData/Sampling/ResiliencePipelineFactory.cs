using System.ClientModel;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using SynthData.Config;

namespace SynthData.Sampling;

/// <summary>
/// The Polly pipeline around each model request, outermost first: retry → circuit breaker → per-attempt timeout.
/// The SDK's own retry is off, so this is the only layer that retries.
/// <list type="bullet">
/// <item>Retries: 429, 5xx, timeouts, broken connections and malformed bodies, up to <c>max_retries</c>, with
/// exponential backoff and full jitter, or exactly the server's <c>Retry-After</c> when it sends one.</item>
/// <item>Circuit breaker: when most recent attempts fail with server-side errors, no request is sent for
/// <c>circuit_break_seconds</c>; then one probe decides. Samples waiting on an open circuit do not spend their retry
/// budget, so an outage pauses the whole sampler instead of failing it, up to <c>max_outage_seconds</c>.</item>
/// </list>
/// </summary>
public static class ResiliencePipelineFactory
{
    private static readonly ResiliencePropertyKey<int> FailureCount = new("synthdata.failures");

    public static ResiliencePipeline Create(ModelOptions options, ILogger logger, TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        var outage = new OutageClock(time);
        var breakDuration = TimeSpan.FromSeconds(options.CircuitBreakSeconds);
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue, // the real budget is counted per failure kind in ShouldHandle
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context, options, outage)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.Outcome.Exception, args.Context, options, breakDuration)),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is not BrokenCircuitException)
                    {
                        logger.LogWarning("model request failed ({Reason}); retry {Attempt}/{Max} in {Delay:0.0}s",
                            Describe(args.Outcome.Exception), args.Context.Properties.GetValue(FailureCount, 0), options.MaxRetries, args.RetryDelay.TotalSeconds);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = Math.Max(8, Math.Min(options.Concurrency, 64)),
                // Two break lengths: long enough to see a pattern, short enough that successes from before an outage
                // do not dilute its failures for long.
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(2, options.CircuitBreakSeconds * 2)),
                BreakDuration = breakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsServerFailure(e, args.Context.CancellationToken)),
                OnOpened = args =>
                {
                    outage.Opened();
                    logger.LogWarning("endpoint failing ({Reason}): circuit open, pausing all requests for {Seconds:0.#}s",
                        Describe(args.Outcome.Exception), args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    logger.LogInformation("probing the endpoint");
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    if (outage.Closed() is { } lasted)
                        logger.LogWarning("endpoint recovered after {Seconds:0.#}s; resuming", lasted.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(options.RequestTimeoutSeconds))
            .Build();
    }

    private static bool ShouldRetry(Exception? e, ResilienceContext context, ModelOptions options, OutageClock outage)
    {
        if (e is null)
        {
            outage.MarkSuccess();
            return false;
        }

        if (e is BrokenCircuitException && outage.EverSucceeded)
            return outage.Elapsed < TimeSpan.FromSeconds(options.MaxOutageSeconds);
        if (!IsTransient(e, context.CancellationToken))
            return false;
        var failures = context.Properties.GetValue(FailureCount, 0) + 1;
        context.Properties.Set(FailureCount, failures);
        return failures <= options.MaxRetries;
    }

    private static TimeSpan Delay(Exception? e, ResilienceContext context, ModelOptions options, TimeSpan breakDuration)
    {
        if (e is BrokenCircuitException broken)
            return broken.RetryAfter is { } after && after > TimeSpan.Zero ? after : breakDuration;
        if (RetryAfter(e, options.RetryMaxDelaySeconds) is { } serverSays)
            return serverSays;
        // Full jitter: spreads retries of requests that failed together, so they do not return together.
        var failures = Math.Max(1, context.Properties.GetValue(FailureCount, 1));
        var ceiling = Math.Min(options.RetryMaxDelaySeconds, options.RetryBaseDelaySeconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        return TimeSpan.FromSeconds(ceiling * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    /// <summary>Worth another attempt: rate limits, server errors, timeouts, broken connections, malformed bodies.</summary>
    public static bool IsTransient(Exception e, CancellationToken caller) => e switch
    {
        ClientResultException { Status: 408 or 409 or 425 or 429 } => true,
        _ => IsServerFailure(e, caller),
    };

    /// <summary>The endpoint is unhealthy (as opposed to busy): what the circuit breaker counts.</summary>
    private static bool IsServerFailure(Exception e, CancellationToken caller) => e switch
    {
        BrokenCircuitException => true, // reached only before any success: counts like the failures that opened it
        ClientResultException { Status: >= 500 } => true,
        ClientResultException { Status: 0 } => true, // no response at all (connection failure inside the SDK)
        ClientResultException => false,
        TimeoutRejectedException => true,
        OperationCanceledException => !caller.IsCancellationRequested, // the SDK's network timeout
        HttpRequestException or IOException or SocketException or MalformedResponseException => true,
        _ => false,
    };

    public static bool IsThrottled(Exception e) => e is ClientResultException { Status: 429 };

    /// <summary>Short, secret-free description of a failure for logs and the ledger.</summary>
    public static string Describe(Exception? e) => e switch
    {
        null => "unknown error",
        ClientResultException c => c.Status > 0 ? $"HTTP {c.Status}" : $"connection failed: {FirstLine(c.Message)}",
        TimeoutRejectedException => "attempt timed out",
        BrokenCircuitException => "endpoint down: circuit open (recent requests kept failing)",
        OperationCanceledException => "request timed out",
        MalformedResponseException m => $"malformed response: {m.Message}",
        HttpRequestException h => $"connection failed: {FirstLine(h.Message)}",
        IOException io => $"connection broken: {FirstLine(io.Message)}",
        _ => $"{e.GetType().Name}: {FirstLine(e.Message)}",
    };

    private static string FirstLine(string s)
    {
        var nl = s.IndexOf('\n', StringComparison.Ordinal);
        return (nl < 0 ? s : s[..nl]).Trim();
    }

    /// <summary>The server's Retry-After (seconds or HTTP date, or retry-after-ms) when present; null means "use the backoff".</summary>
    internal static TimeSpan? RetryAfter(Exception? e, double maxSeconds)
    {
        if (e is not ClientResultException c || c.GetRawResponse() is not { } response)
            return null;
        TimeSpan? delay = null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) &&
            double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var msValue))
            delay = TimeSpan.FromMilliseconds(msValue);
        else if (response.Headers.TryGetValue("retry-after", out var ra) && ra is not null)
        {
            if (double.TryParse(ra, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                delay = TimeSpan.FromSeconds(seconds);
            else if (DateTimeOffset.TryParse(ra, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                delay = when - DateTimeOffset.UtcNow;
        }

        if (delay is null)
            return null;
        return TimeSpan.FromSeconds(Math.Clamp(delay.Value.TotalSeconds, 0, Math.Max(maxSeconds, 0)));
    }
}
