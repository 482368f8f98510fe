namespace SynthData.Sampling;

/// <summary>Sends chat requests to a model: an extension point (OpenAI-compatible servers, or anything else).</summary>
public interface IModelClient
{
    /// <summary>Model name recorded in provenance.</summary>
    string ModelName { get; }

    /// <summary>One request, one completion. Retries and timeouts are the caller's resilience pipeline's job.</summary>
    Task<ModelCompletion> CompleteAsync(ModelRequest request, CancellationToken cancellationToken);
}

public sealed record ChatMessage(string Role, string Content);

public sealed record SamplingParameters
{
    public double Temperature { get; init; } = 0.7;
    public double TopP { get; init; } = 0.95;
    public int MaxTokens { get; init; } = 2048;
    /// <summary>Per-request seed; the pipeline derives it from (run seed, problem id, sample index).</summary>
    public long? Seed { get; init; }
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
}
