using Microsoft.Extensions.Logging;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Faults;
using SynthData.Cli.Simulation.Model;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Sampling;

namespace SynthData.Cli.Hosting;

/// <summary>
/// The model client for one batch, and for the simulated provider the in-process endpoint it talks to over real
/// loopback HTTP (so the SDK, HTTP and Polly path is the same as against a real server).
/// </summary>
public sealed class ModelSession : IAsyncDisposable
{
    private readonly SimulatedEndpoint? _endpoint;

    private ModelSession(IModelClient client, SimulatedEndpoint? endpoint)
    {
        Client = client;
        _endpoint = endpoint;
    }

    public IModelClient Client { get; }

    public static async Task<ModelSession> StartAsync(ModelOptions options, IEnumerable<Problem> knownProblems, ILogger logger, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
        if (options.Provider == ModelProvider.Simulated)
        {
            var endpoint = await SimulatedEndpoint.StartAsync(
                new SimulatedEndpointOptions
                {
                    Port = 0,
                    Accuracy = options.Accuracy,
                    DifficultySpread = options.DifficultySpread,
                    Faults = FaultSpec.Parse(options.Faults),
                    Latency = TimeSpan.FromMilliseconds(options.LatencyMs),
                    ModelName = options.Name,
                },
                new SimulatedAnswerBook(knownProblems),
                cancellationToken).ConfigureAwait(false);
            logger.LogInformation("simulated model '{Model}' listening on {Url} (accuracy {Accuracy})", options.Name, endpoint.BaseUrl, options.Accuracy);
            return new ModelSession(new OpenAiModelClient(endpoint.BaseUrl, options.Name, null, timeout, UnboundedHttpClient()), endpoint);
        }

        var client = new OpenAiModelClient(new Uri(options.Endpoint!), options.Name, ApiKey(options), timeout, UnboundedHttpClient());
        // Fail in seconds, with the server's own words, when the endpoint cannot serve this run at all.
        await EndpointPreflight.CheckAsync(client, SamplingParameters.From(options), logger, cancellationToken).ConfigureAwait(false);
        return new ModelSession(client, null);
    }

    /// <summary>The key is read from the environment variable the config names; the config never holds the key.</summary>
    private static string? ApiKey(ModelOptions options)
    {
        if (string.IsNullOrEmpty(options.ApiKeyEnv))
            return null;
        var key = Environment.GetEnvironmentVariable(options.ApiKeyEnv);
        return string.IsNullOrEmpty(key)
            ? throw new UsageException($"environment variable {options.ApiKeyEnv} (model.api_key_env) is not set")
            : key;
    }

    /// <summary>Timeouts belong to Polly and the SDK's network timeout; HttpClient's own 100 s default would cut long generations.</summary>
    private static HttpClient UnboundedHttpClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 4096,
        // A host that drops packets would otherwise hold each connection attempt for the OS's ~2 minutes.
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    public async ValueTask DisposeAsync()
    {
        if (_endpoint is not null)
            await _endpoint.DisposeAsync().ConfigureAwait(false);
    }
}
