using System.ClientModel;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SynthData.Config;

namespace SynthData.Sampling;

/// <summary>
/// The Polly pipeline around each model request, outermost first: retry → <see cref="EndpointGate"/> (the circuit
/// breaker) → per-attempt timeout. The SDK's own retry is off, so this is the only layer that retries.
/// <list type="bullet">
/// <item>Retries: 408, 409, 429, 5xx, timeouts, broken connections and malformed bodies, up to <c>max_retries</c>,
/// with exponential backoff and full jitter, or exactly the server's <c>Retry-After</c> when it sends one. Any other
/// 4xx is the server's answer about the request and fails at once, with the server's message.</item>
/// <item>Circuit breaker: while the endpoint is down no sample sends anything and failures that belong to the outage
/// do not spend the sample's retry budget; the gate's own probes find out when it is back, up to
/// <c>max_outage_seconds</c>.</item>
/// </list>
/// </summary>
public static class ResiliencePipelineFactory
{
    private static readonly ResiliencePropertyKey<int> FailureCount = new("synthdata.failures");
    private static readonly ResiliencePropertyKey<bool> DuringOutage = new("synthdata.outage");

    /// <param name="probe">
    /// Sends one recovery probe (typically <see cref="IModelClient.ProbeAsync"/> with the run's own request fields, so a
    /// server that refuses them is not "up"); null reopens after the pause. A delegate, because the client is connected
    /// only once the batch knows its problems, after this pipeline is built.
    /// </param>
    public static ResiliencePipeline Create(ModelOptions options, ILogger logger, Func<CancellationToken, Task>? probe = null,
        TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        var warnings = new RepeatedWarnings(logger, time, TimeSpan.FromSeconds(10));
        var gate = new EndpointGate(options.Concurrency, options.CircuitBreakSeconds, options.MaxOutageSeconds, probe, warnings, time);
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue, // the real budget is counted per failure in ShouldRetry
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context, options)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.Outcome.Exception, args.Context, options)),
                OnRetry = args =>
                {
                    if (!args.Context.Properties.GetValue(DuringOutage, false))
                    {
                        var reason = Describe(args.Outcome.Exception);
                        warnings.Warn("retry:" + reason, $"model request failed ({reason}); retry {args.Context.Properties.GetValue(FailureCount, 0)}/{options.MaxRetries} in {args.RetryDelay.TotalSeconds:0.0}s");
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .AddStrategy(_ => new GateStrategy(gate), new GateStrategyOptions())
            .AddTimeout(TimeSpan.FromSeconds(options.RequestTimeoutSeconds))
            .Build();
    }

    private sealed class GateStrategyOptions : ResilienceStrategyOptions;

    /// <summary>Waits at the gate before each attempt and tells it how the attempt went.</summary>
    private sealed class GateStrategy(EndpointGate gate) : ResilienceStrategy
    {
        protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
            Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
        {
            context.Properties.Set(DuringOutage, false);
            try
            {
                await gate.WaitUntilClosedAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (Exception e) when (e is EndpointDownException or OperationCanceledException)
            {
                return Outcome.FromException<TResult>(e);
            }

            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (outcome.Exception is null)
                gate.OnSuccess();
            else if (!context.CancellationToken.IsCancellationRequested)
                context.Properties.Set(DuringOutage, gate.OnFailure(outcome.Exception, IsServerFailure(outcome.Exception, context.CancellationToken)));
            return outcome;
        }
    }

    private static bool ShouldRetry(Exception? e, ResilienceContext context, ModelOptions options)
    {
        if (e is null or EndpointDownException || !IsTransient(e, context.CancellationToken))
            return false;
        // An outage is the gate's business (bounded by max_outage_seconds), not this sample's.
        if (context.Properties.GetValue(DuringOutage, false))
            return true;
        var failures = context.Properties.GetValue(FailureCount, 0) + 1;
        context.Properties.Set(FailureCount, failures);
        return failures <= options.MaxRetries;
    }

    private static TimeSpan Delay(Exception? e, ResilienceContext context, ModelOptions options)
    {
        if (context.Properties.GetValue(DuringOutage, false))
            return TimeSpan.Zero; // the next attempt waits at the gate until the endpoint is back
        if (e is EndpointHttpException { RetryAfter: { } after })
            return TimeSpan.FromSeconds(Math.Clamp(after.TotalSeconds, 0, Math.Max(options.RetryMaxDelaySeconds, 0)));
        // Full jitter: spreads retries of requests that failed together, so they do not return together.
        var failures = Math.Max(1, context.Properties.GetValue(FailureCount, 1));
        var ceiling = Math.Min(options.RetryMaxDelaySeconds, options.RetryBaseDelaySeconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        return TimeSpan.FromSeconds(ceiling * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    /// <summary>Worth another attempt: rate limits, server errors, timeouts, broken connections, malformed bodies.</summary>
    public static bool IsTransient(Exception e, CancellationToken caller) => e switch
    {
        EndpointHttpException h => h.Retryable,
        _ => IsServerFailure(e, caller),
    };

    /// <summary>The endpoint is unhealthy (as opposed to busy or refusing the request): what the circuit breaker counts.</summary>
    internal static bool IsServerFailure(Exception e, CancellationToken caller) => e switch
    {
        EndpointHttpException h => h.Status >= 500,
        EndpointUnreachableException => true,
        ClientResultException { Status: >= 500 or 0 } => true,
        ClientResultException => false,
        EndpointDownException => false,
        TimeoutRejectedException => true,
        OperationCanceledException => !caller.IsCancellationRequested, // the SDK's network timeout
        HttpRequestException or IOException or SocketException or MalformedResponseException => true,
        _ => false,
    };

    public static bool IsThrottled(Exception e) => e is EndpointHttpException { Status: 429 };

    /// <summary>Short, secret-free description of a failure for logs and the ledger: with the server's own message.</summary>
    public static string Describe(Exception? e) => e switch
    {
        null => "unknown error",
        EndpointHttpException h => h.ServerMessage is null ? $"HTTP {h.Status}" : $"HTTP {h.Status}: {h.ServerMessage}",
        EndpointUnreachableException u => u.Message,
        EndpointDownException d => d.Message,
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
        var nl = s.IndexOf('\n', StringComparison.Ordinal);
        return (nl < 0 ? s : s[..nl]).Trim();
    }
}
