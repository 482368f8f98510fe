using SynthData.Cli.Simulation.Faults;
using SynthData.Cli.Simulation.Model;

namespace SynthData.Cli.Simulation;

/// <summary>How the simulated endpoint behaves. Every property has a default that suits <c>model.provider: simulated</c>.</summary>
public sealed record SimulatedEndpointOptions
{
    /// <summary>Loopback port to listen on. <value>0: any free port (read it back from <see cref="SimulatedEndpoint.BaseUrl"/>).</value></summary>
    public int Port { get; init; }

    /// <summary>Probability that a choice is correct. <value>0.7</value></summary>
    public double Accuracy { get; init; } = 0.7;

    /// <summary>Spread of per-problem difficulty (see <see cref="ProblemDifficulty"/>). <value>0: every problem at <see cref="Accuracy"/></value></summary>
    public double DifficultySpread { get; init; }

    /// <summary>Seed of the per-problem difficulty draws. <value>0</value></summary>
    public long DifficultySeed { get; init; }

    /// <summary>Faults to inject. <value><see cref="FaultSpec.None"/></value></summary>
    public FaultSpec Faults { get; init; } = FaultSpec.None;

    /// <summary>Seed of the per-request fault draws (which request gets which fault). <value>0</value></summary>
    public long FaultSeed { get; init; }

    /// <summary>Fixed delay before every answer (not before 429/5xx rejections), to model generation time. <value>zero</value></summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Extra delay of a <see cref="FaultKind.Slow"/> response. <value>5 s</value></summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>Retry-After</c> seconds sent with half of the 429s. <value>1</value></summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Model name in responses and <c>GET /v1/models</c>; requests may name any model. <value><c>simulated</c></value></summary>
    public string ModelName { get; init; } = "simulated";

    /// <summary>
    /// Put the chain of thought into <c>message.reasoning_content</c> (vLLM, DeepSeek) instead of a
    /// <c>&lt;think&gt;...&lt;/think&gt;</c> section at the start of the content. <value>false</value>
    /// </summary>
    public bool ReasoningField { get; init; }

    /// <summary>Largest completion the server writes; also the default when a request sets no <c>max_tokens</c>. <value>4096</value></summary>
    public int ContextTokens { get; init; } = SimulatedModel.DefaultContextTokens;

    /// <summary>When set, requests must send <c>Authorization: Bearer &lt;key&gt;</c> or get 401. <value>null: any key</value></summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Answer a request naming another model than <see cref="ModelName"/> with 404 and vLLM's message
    /// ("The model `X` does not exist."), as real servers do. <value>false: any model name is served</value>
    /// </summary>
    public bool RejectUnknownModels { get; init; }

    /// <summary>Keep every chat request body received (for tests that check what was sent). <value>false</value></summary>
    public bool RecordRequests { get; init; }

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
            throw new ArgumentException($"Port {Port} is not between 0 and 65535.", nameof(Port));
        if (!(Accuracy is >= 0 and <= 1))
            throw new ArgumentException($"Accuracy {Accuracy} is not a probability between 0 and 1.", nameof(Accuracy));
        if (!(DifficultySpread is >= 0 and <= 10))
            throw new ArgumentException($"DifficultySpread {DifficultySpread} is not between 0 and 10.", nameof(DifficultySpread));
        if (Latency < TimeSpan.Zero || SlowDelay < TimeSpan.Zero)
            throw new ArgumentException("Latency and SlowDelay must not be negative.", nameof(Latency));
        if (RetryAfterSeconds < 0)
            throw new ArgumentException("RetryAfterSeconds must not be negative.", nameof(RetryAfterSeconds));
        if (string.IsNullOrWhiteSpace(ModelName))
            throw new ArgumentException("ModelName must not be empty.", nameof(ModelName));
        if (ContextTokens < 1)
            throw new ArgumentException("ContextTokens must be at least 1.", nameof(ContextTokens));
        ArgumentNullException.ThrowIfNull(Faults);
    }
}
