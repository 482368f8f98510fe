using System.Text.Json.Nodes;

namespace SynthData.Sampling;

/// <summary>Sends chat requests to a model: an extension point (OpenAI-compatible servers, or anything else).</summary>
public interface IModelClient
{
    /// <summary>Model name recorded in provenance.</summary>
    string ModelName { get; }

    /// <summary>One request, its first completion. Retries and timeouts are the caller's resilience pipeline's job.</summary>
    Task<ModelCompletion> CompleteAsync(ModelRequest request, CancellationToken cancellationToken);

    /// <summary>One request, all its <see cref="SamplingParameters.N"/> completions in choice order.</summary>
    Task<IReadOnlyList<ModelCompletion>> CompleteChoicesAsync(ModelRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The model names the server lists, or null when it has no list. Throws <see cref="EndpointHttpException"/> or
    /// <see cref="EndpointUnreachableException"/> when the list cannot be had.
    /// </summary>
    Task<IReadOnlyList<string>?> ListModelsAsync(CancellationToken cancellationToken);

    /// <summary>The smallest real request (one token) with these request fields; throws as a real request would.</summary>
    Task ProbeAsync(SamplingParameters sampling, CancellationToken cancellationToken);

    /// <summary>Base URL, for messages.</summary>
    string BaseUrl { get; }
}

public sealed record ChatMessage(string Role, string Content);

/// <summary>
/// What shapes the text, as sent. A null parameter is left out of the request, so the server's default applies.
/// <see cref="ToJson"/> is the provenance record and lists exactly the fields the request carries.
/// </summary>
public sealed record SamplingParameters
{
    public double? Temperature { get; init; } = 0.7;
    public double? TopP { get; init; } = 0.95;
    public int? MaxTokens { get; init; } = 2048;
    /// <summary><c>max_tokens</c> or <c>max_completion_tokens</c>: the field that carries <see cref="MaxTokens"/>.</summary>
    public string TokenLimitField { get; init; } = "max_tokens";
    public int? TopK { get; init; }
    public double? MinP { get; init; }
    public double? RepetitionPenalty { get; init; }
    public double? PresencePenalty { get; init; }
    public double? FrequencyPenalty { get; init; }
    public IReadOnlyList<string>? Stop { get; init; }
    public string? ReasoningEffort { get; init; }
    /// <summary>Free-form fields merged into the body (vLLM's <c>chat_template_kwargs</c>, ...).</summary>
    public JsonObject? ExtraBody { get; init; }
    /// <summary>Choices asked for in one request (OpenAI's <c>n</c>); 1 sends no <c>n</c>.</summary>
    public int N { get; init; } = 1;
    /// <summary>Per-request seed; the pipeline derives it from (run seed, problem id, sample index).</summary>
    public long? Seed { get; init; }

    /// <summary>The configured request fields (no seed: that is per request).</summary>
    public static SamplingParameters From(Config.ModelOptions model) => new()
    {
        Temperature = model.Temperature,
        TopP = model.TopP,
        MaxTokens = model.MaxTokens,
        TokenLimitField = model.ResolveTokenLimitField(),
        TopK = model.TopK,
        MinP = model.MinP,
        RepetitionPenalty = model.RepetitionPenalty,
        PresencePenalty = model.PresencePenalty,
        FrequencyPenalty = model.FrequencyPenalty,
        Stop = model.Stop is { Count: > 0 } stop ? [.. stop] : null,
        ReasoningEffort = model.ReasoningEffort,
        ExtraBody = model.ExtraBody,
        N = Math.Min(model.SamplesPerRequest, model.SamplesPerProblem),
    };

    /// <summary>The request's sampling fields in a fixed order, with the names and values they have on the wire.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject();
        Add(o, "temperature", Temperature);
        Add(o, "top_p", TopP);
        Add(o, TokenLimitField, MaxTokens);
        Add(o, "top_k", TopK);
        Add(o, "min_p", MinP);
        Add(o, "repetition_penalty", RepetitionPenalty);
        Add(o, "presence_penalty", PresencePenalty);
        Add(o, "frequency_penalty", FrequencyPenalty);
        if (Stop is { Count: > 0 })
            o["stop"] = new JsonArray([.. Stop.Select(s => JsonValue.Create(s))]);
        if (ReasoningEffort is not null)
            o["reasoning_effort"] = ReasoningEffort;
        if (N > 1)
            o["n"] = N;
        Add(o, "seed", Seed);
        foreach (var (key, value) in ExtraBody ?? [])
            o[key] = value?.DeepClone();
        return o;
    }

    private static void Add<T>(JsonObject o, string name, T? value) where T : struct
    {
        if (value is { } v)
            o[name] = JsonValue.Create(v);
    }
}

public sealed record ModelRequest
{
    public required IReadOnlyList<ChatMessage> Messages { get; init; }
    public required SamplingParameters Sampling { get; init; }
    public bool Stream { get; init; }
}

public sealed record ModelCompletion
{
    public required string Content { get; init; }
    /// <summary>Separate reasoning channel (vLLM, DeepSeek <c>reasoning_content</c>), when the server sends one.</summary>
    public string? ReasoningContent { get; init; }
    /// <summary><c>stop</c>, <c>length</c>, <c>content_filter</c>, ... as the server said.</summary>
    public required string FinishReason { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public required string Model { get; init; }
    public string? ResponseId { get; init; }
    public double LatencyMs { get; init; }
    /// <summary>Which of the request's choices this is (0 unless several were asked for).</summary>
    public int ChoiceIndex { get; init; }
}
