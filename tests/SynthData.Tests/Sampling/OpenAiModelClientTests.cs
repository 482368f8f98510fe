using Microsoft.Extensions.Logging.Abstractions;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Model;
using SynthData.Cli.Simulation.Faults;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Sampling;

namespace SynthData.Tests.Sampling;

/// <summary>The real SDK + HTTP + Polly path against the simulated endpoint on loopback.</summary>
public sealed class OpenAiModelClientTests
{
    private static readonly Problem Gsm = new()
    {
        Id = "p1",
        Domain = ProblemDomain.Math,
        Prompt = "Tom has 3 apples and buys 4 more. How many apples does he have?",
        Answer = "7",
        Solution = "Tom has 3 + 4 = <<3+4=7>>7 apples.\n#### 7",
        Source = ProblemOrigin.Dataset("t", 1),
    };

    private static ModelRequest Request(long seed, bool stream = false, int maxTokens = 1024) => new()
    {
        Messages = [new ChatMessage("user", Gsm.Prompt + "\n\nPut the answer in \\boxed{}.")],
        Sampling = new SamplingParameters { Temperature = 0.7, TopP = 0.95, MaxTokens = maxTokens, Seed = seed },
        Stream = stream,
    };

    private static async Task<SimulatedEndpoint> Start(SimulatedEndpointOptions? options = null) =>
        await SimulatedEndpoint.StartAsync(options ?? new SimulatedEndpointOptions { Accuracy = 1.0 }, new SimulatedAnswerBook([Gsm]), CancellationToken.None);

    private static OpenAiModelClient Client(SimulatedEndpoint e, double timeoutSeconds = 30) =>
        new(e.BaseUrl, "simulated", null, TimeSpan.FromSeconds(timeoutSeconds), new HttpClient { Timeout = Timeout.InfiniteTimeSpan });

    [Fact]
    public async Task Non_streaming_completion_records_content_usage_and_finish_reason()
    {
        await using var endpoint = await Start();
        var c = await Client(endpoint).CompleteAsync(Request(1), CancellationToken.None);
        Assert.Equal("stop", c.FinishReason);
        Assert.True(SynthData.Tests.Simulation.AnswerText.Accepted("7", c.Content), c.Content); // the simulator varies the answer form
        Assert.True(c.PromptTokens > 0 && c.CompletionTokens > 0);
        Assert.Equal("simulated", c.Model);
        Assert.True(c.LatencyMs > 0);
    }

    [Fact]
    public async Task Streaming_gives_the_same_text_as_non_streaming()
    {
        await using var endpoint = await Start();
        var client = Client(endpoint);
        var whole = await client.CompleteAsync(Request(5), CancellationToken.None);
        var streamed = await client.CompleteAsync(Request(5, stream: true), CancellationToken.None);
        Assert.Equal(whole.Content, streamed.Content);
        Assert.Equal(whole.CompletionTokens, streamed.CompletionTokens);
        Assert.Equal("stop", streamed.FinishReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Separate_reasoning_channel_is_recorded(bool stream)
    {
        await using var endpoint = await Start(new SimulatedEndpointOptions { Accuracy = 1.0, ReasoningField = true });
        var c = await Client(endpoint).CompleteAsync(Request(2, stream), CancellationToken.None);
        Assert.False(string.IsNullOrWhiteSpace(c.ReasoningContent));
        Assert.DoesNotContain("<think>", c.Content, StringComparison.Ordinal);
        Assert.True(SynthData.Tests.Simulation.AnswerText.Accepted("7", c.Content), c.Content); // the simulator varies the answer form
    }

    [Fact]
    public async Task Max_tokens_cut_off_is_reported_as_length()
    {
        await using var endpoint = await Start();
        var c = await Client(endpoint).CompleteAsync(Request(3, maxTokens: 5), CancellationToken.None);
        Assert.Equal("length", c.FinishReason);
        Assert.Equal(5, c.CompletionTokens);
    }

    [Theory]
    [InlineData("429=1")]
    [InlineData("500=1")]
    [InlineData("503=1")]
    [InlineData("badjson=1")]
    [InlineData("empty=1")]
    [InlineData("nullcontent=1")]
    [InlineData("truncate=1")]
    [InlineData("reset=1")]
    [InlineData("badutf8=1")]
    public async Task Faults_surface_as_transient_errors(string faults)
    {
        await using var endpoint = await Start(new SimulatedEndpointOptions { Faults = FaultSpec.Parse(faults), RetryAfterSeconds = 0 });
        var e = await Assert.ThrowsAnyAsync<Exception>(() => Client(endpoint).CompleteAsync(Request(4), CancellationToken.None));
        Assert.True(ResiliencePipelineFactory.IsTransient(e, CancellationToken.None), $"{e.GetType().Name}: {e.Message}");
    }

    [Fact]
    public async Task Polly_retries_until_the_fault_clears_and_text_is_unchanged()
    {
        await using var clean = await Start();
        var expected = (await Client(clean).CompleteAsync(Request(9), CancellationToken.None)).Content;

        await using var faulty = await Start(new SimulatedEndpointOptions { Accuracy = 1.0, Faults = FaultSpec.Parse("429=0.3,500=0.2,badjson=0.1"), RetryAfterSeconds = 0 });
        var pipeline = ResiliencePipelineFactory.Create(new ModelOptions { MaxRetries = 30, RetryBaseDelaySeconds = 0.001, RetryMaxDelaySeconds = 0.01, RequestTimeoutSeconds = 10 }, NullLogger.Instance);
        var client = Client(faulty);
        var tries = 0;
        var got = await pipeline.ExecuteAsync(async ct => { tries++; return await client.CompleteAsync(Request(9), ct); }, CancellationToken.None);
        Assert.Equal(expected, got.Content);
        Assert.Equal(tries, (int)faulty.Stats.Requests);
    }

    [Fact]
    public async Task Hanging_request_is_cut_by_the_attempt_timeout()
    {
        await using var endpoint = await Start(new SimulatedEndpointOptions { Faults = FaultSpec.Parse("hang=1") });
        var pipeline = ResiliencePipelineFactory.Create(new ModelOptions { MaxRetries = 1, RetryBaseDelaySeconds = 0.01, RetryMaxDelaySeconds = 0.01, RequestTimeoutSeconds = 0.5 }, NullLogger.Instance);
        var client = Client(endpoint);
        var e = await Assert.ThrowsAnyAsync<Exception>(async () => await pipeline.ExecuteAsync(async ct => await client.CompleteAsync(Request(1), ct), CancellationToken.None));
        Assert.Equal("attempt timed out", ResiliencePipelineFactory.Describe(e));
        Assert.Equal(2, endpoint.Stats.Requests);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var endpoint = await Start(new SimulatedEndpointOptions { ApiKey = "right" });
        var client = new OpenAiModelClient(endpoint.BaseUrl, "simulated", "wrong", TimeSpan.FromSeconds(10));
        var e = await Assert.ThrowsAnyAsync<Exception>(() => client.CompleteAsync(Request(1), CancellationToken.None));
        Assert.False(ResiliencePipelineFactory.IsTransient(e, CancellationToken.None));
        Assert.Equal("HTTP 401: Incorrect API key provided (simulated endpoint).", ResiliencePipelineFactory.Describe(e));
        Assert.DoesNotContain("wrong", e.Message, StringComparison.Ordinal);
    }
}
