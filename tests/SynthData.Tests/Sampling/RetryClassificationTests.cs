using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SynthData.Config;
using SynthData.Sampling;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Sampling;

/// <summary>
/// Which HTTP answers are retried, over real loopback HTTP with the real SDK and Polly pipeline: a 4xx other than
/// 408/409/429 is the server's answer about the request and fails at once with its message; the others are retried,
/// a 429 after exactly the server's Retry-After.
/// </summary>
public sealed class RetryClassificationTests
{
    private static readonly ModelRequest Request = new()
    {
        Messages = [new SynthData.Sampling.ChatMessage("user", "What is 1 + 1?")],
        Sampling = new SamplingParameters { Seed = 1 },
    };

    /// <summary>Fails the first request with <paramref name="status"/>, then answers.</summary>
    private static Task<ScriptedServer> FailOnce(int status, string body, params (string, string)[] headers) =>
        ScriptedServer.StartAsync((ctx, _, n) => n == 1
            ? ScriptedServer.ReplyAsync(ctx, status, body, headers)
            : ScriptedServer.ReplyAsync(ctx, 200, ScriptedServer.Completion("\\boxed{2}")));

    private static async Task<ModelCompletion> Send(ScriptedServer server, double baseDelay = 0.01)
    {
        var client = new OpenAiModelClient(server.BaseUrl, "m", null, TimeSpan.FromSeconds(30), new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
        var pipeline = ResiliencePipelineFactory.Create(
            new ModelOptions { MaxRetries = 5, RetryBaseDelaySeconds = baseDelay, RetryMaxDelaySeconds = 10, RequestTimeoutSeconds = 30 }, NullLogger.Instance);
        return await pipeline.ExecuteAsync(async ct => await client.CompleteAsync(Request, ct), CancellationToken.None);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task A_client_error_is_not_retried_and_carries_the_servers_message(int status)
    {
        await using var server = await FailOnce(status, """{"error":{"message":"'top_k' must be -1 or at least 1, got 0.","type":"BadRequestError"}}""");
        var e = await Assert.ThrowsAsync<EndpointHttpException>(() => Send(server));
        Assert.Equal(status, e.Status);
        Assert.Equal(1, server.Count("POST /v1/chat/completions"));
        Assert.Equal("'top_k' must be -1 or at least 1, got 0.", e.ServerMessage);
        Assert.Contains($"HTTP {status} from {server.BaseUrl}/chat/completions: 'top_k' must be", e.Message, StringComparison.Ordinal);
        Assert.Contains("'top_k' must be", ResiliencePipelineFactory.Describe(e), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Timeouts_conflicts_throttles_and_server_errors_are_retried(int status)
    {
        await using var server = await FailOnce(status, """{"error":{"message":"try again"}}""");
        var c = await Send(server);
        Assert.Equal("\\boxed{2}", c.Content);
        Assert.Equal(2, server.Count("POST /v1/chat/completions"));
    }

    [Fact]
    public async Task A_429_waits_the_servers_retry_after_before_the_next_try()
    {
        await using var server = await FailOnce(429, """{"error":{"message":"Rate limit reached"}}""", ("Retry-After", "1"));
        var clock = Stopwatch.StartNew();
        var c = await Send(server, baseDelay: 0.001);
        Assert.Equal("\\boxed{2}", c.Content);
        Assert.Equal(2, server.Count("POST /v1/chat/completions"));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after only {clock.Elapsed}");
    }
}
