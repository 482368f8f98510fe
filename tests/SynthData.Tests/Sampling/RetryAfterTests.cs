using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SynthData.Config;
using SynthData.Sampling;

namespace SynthData.Tests.Sampling;

/// <summary>
/// Retry-After handling needs a server that answers 429 exactly once with a chosen header, which the simulated endpoint
/// (random faults) cannot promise; a scripted HTTP handler stands in for it. The SDK, Polly and parsing are real.
/// </summary>
public sealed class RetryAfterTests
{
    private const string Body = """{"id":"c","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"\\boxed{1}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":2}}""";

    /// <summary>Answers 429 to every odd call and a completion to every even one.</summary>
    private sealed class ScriptedHandler(Action<HttpResponseMessage> throttle) : HttpMessageHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = Interlocked.Increment(ref Calls) % 2 == 1
                ? new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}") }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                throttle(response);
            return Task.FromResult(response);
        }
    }

    public static TheoryData<string> Headers => new() { "seconds", "date", "ms" };

    [Theory]
    [MemberData(nameof(Headers))]
    public async Task The_servers_retry_after_is_waited_out(string form)
    {
        var handler = new ScriptedHandler(r =>
        {
            switch (form)
            {
                case "seconds": r.Headers.Add("Retry-After", "1"); break;
                case "date": r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(2)); break;
                default: r.Headers.Add("retry-after-ms", "1000"); break;
            }
        });
        var client = new OpenAiModelClient(new Uri("http://127.0.0.1:9/v1"), "m", null, TimeSpan.FromSeconds(10), new HttpClient(handler));
        var pipeline = ResiliencePipelineFactory.Create(new ModelOptions { RetryBaseDelaySeconds = 0.001, RetryMaxDelaySeconds = 10 }, NullLogger.Instance);
        var clock = Stopwatch.StartNew();
        var result = await pipeline.ExecuteAsync(async ct => await client.CompleteAsync(new ModelRequest
        {
            Messages = [new ChatMessage("user", "q")],
            Sampling = new SamplingParameters(),
        }, ct), CancellationToken.None);
        Assert.Equal("\\boxed{1}", result.Content);
        Assert.Equal(2, handler.Calls);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after only {clock.Elapsed}");
    }

    [Fact]
    public async Task Without_retry_after_the_backoff_is_exponential_and_short()
    {
        var handler = new ScriptedHandler(_ => { });
        var client = new OpenAiModelClient(new Uri("http://127.0.0.1:9/v1"), "m", null, TimeSpan.FromSeconds(10), new HttpClient(handler));
        var pipeline = ResiliencePipelineFactory.Create(new ModelOptions { RetryBaseDelaySeconds = 0.05, RetryMaxDelaySeconds = 10 }, NullLogger.Instance);
        var request = new ModelRequest { Messages = [new ChatMessage("user", "q")], Sampling = new SamplingParameters() };
        // A first round warms up the SDK and JIT, so the measured one is the backoff alone.
        await pipeline.ExecuteAsync(async ct => await client.CompleteAsync(request, ct), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await pipeline.ExecuteAsync(async ct => await client.CompleteAsync(request, ct), CancellationToken.None);
        Assert.Equal(4, handler.Calls);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.02, 0.9); // jittered base delay (0.025-0.05 s), not seconds
    }
}
