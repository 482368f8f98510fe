using System.ClientModel;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SynthData.Config;

namespace SynthData.Sampling;

/// <summary>
/// The Polly pipeline around each model request: retry (exponential backoff with jitter, honouring Retry-After) over a
/// per-attempt timeout. The SDK's own retry is off, so this is the only layer that retries.
/// </summary>
public static class ResiliencePipelineFactory
{
    public static ResiliencePipeline Create(ModelOptions options, ILogger logger, TimeProvider? timeProvider = null)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
                MaxDelay = TimeSpan.FromSeconds(Math.Max(options.RetryMaxDelaySeconds, 0.001)),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && IsTransient(e, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception, options.RetryMaxDelaySeconds)),
                OnRetry = args =>
                {
                    logger.LogWarning("model request failed ({Reason}); retry {Attempt}/{Max} in {Delay:0.0}s",
                        Describe(args.Outcome.Exception), args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(TimeSpan.FromSeconds(options.RequestTimeoutSeconds));
        return builder.Build();
    }

    /// <summary>Worth another attempt: rate limits, server errors, timeouts, broken connections, malformed bodies.</summary>
    public static bool IsTransient(Exception e, CancellationToken caller) => e switch
    {
        ClientResultException { Status: 408 or 409 or 425 or 429 or >= 500 } => true,
        ClientResultException { Status: 0 } => true, // no response at all (connection failure inside the SDK)
        ClientResultException => false,
        TimeoutRejectedException => true,
        OperationCanceledException => !caller.IsCancellationRequested, // the SDK's network timeout
        HttpRequestException or IOException or SocketException or MalformedResponseException => true,
        _ => false,
    };

    /// <summary>Short, secret-free description of a failure for logs and the ledger.</summary>
    public static string Describe(Exception? e) => e switch
    {
        null => "unknown error",
        ClientResultException c => c.Status > 0 ? $"HTTP {c.Status}" : $"connection failed: {FirstLine(c.Message)}",
        TimeoutRejectedException => "attempt timed out",
        OperationCanceledException => "request timed out",
        MalformedResponseException m => $"malformed response: {m.Message}",
        HttpRequestException h => $"connection failed: {FirstLine(h.Message)}",
        IOException io => $"connection broken: {FirstLine(io.Message)}",
        _ => $"{e.GetType().Name}: {FirstLine(e.Message)}",
    };

    private static string FirstLine(string s)
    {
        var nl = s.IndexOf('\n');
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
        var clamped = Math.Clamp(delay.Value.TotalSeconds, 0, Math.Max(maxSeconds, 0));
        return TimeSpan.FromSeconds(clamped);
    }
}
