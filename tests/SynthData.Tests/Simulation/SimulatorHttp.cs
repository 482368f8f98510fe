using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Faults;
using SynthData.Cli.Simulation.Model;
using SynthData.Problems;

namespace SynthData.Tests.Simulation;

/// <summary>A running simulated endpoint plus a plain HttpClient pointed at it.</summary>
internal sealed class SimulatorHttp : IAsyncDisposable
{
    private SimulatorHttp(SimulatedEndpoint endpoint)
    {
        Endpoint = endpoint;
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public SimulatedEndpoint Endpoint { get; }

    public HttpClient Client { get; }

    public Uri Completions => new($"{Endpoint.BaseUrl}/chat/completions");

    public static async Task<SimulatorHttp> StartAsync(string faults = "", SimulatedEndpointOptions? options = null, SimulatedAnswerBook? book = null)
    {
        var o = (options ?? new SimulatedEndpointOptions()) with { Faults = FaultSpec.Parse(faults) };
        return new SimulatorHttp(await SimulatedEndpoint.StartAsync(o, book ?? new SimulatedAnswerBook(SimulationProblems.All), CancellationToken.None));
    }

    public static string Body(string user, int n = 1, long seed = 0, bool stream = false, int? maxTokens = null, bool includeUsage = true)
    {
        var body = new JsonObject
        {
            ["model"] = "anything",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = user }),
            ["n"] = n,
            ["seed"] = seed,
            ["stream"] = stream,
        };
        if (maxTokens is { } m)
            body["max_tokens"] = m;
        if (stream && includeUsage)
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        return body.ToJsonString();
    }

    public static string Body(Problem problem, long seed = 0, bool stream = false) => Body(SimulationProblems.InTemplate(problem), seed: seed, stream: stream);

    public Task<HttpResponseMessage> PostAsync(string body, CancellationToken ct = default) =>
        Client.PostAsync(Completions, new StringContent(body, Encoding.UTF8, "application/json"), ct);

    public async Task<JsonDocument> PostJsonAsync(string body)
    {
        using var response = await PostAsync(body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The <c>data:</c> payloads of an SSE body, in order.</summary>
    public static List<string> Events(string sse) =>
        [.. sse.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.StartsWith("data: ", StringComparison.Ordinal) ? e[6..] : e)];

    public static string Content(JsonDocument completion, int choice = 0) =>
        completion.RootElement.GetProperty("choices")[choice].GetProperty("message").GetProperty("content").GetString()!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Endpoint.DisposeAsync();
    }

    public static AuthenticationHeaderValue Bearer(string key) => new("Bearer", key);
}
