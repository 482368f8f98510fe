using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace SynthData.Config;

public enum ModelProvider
{
    /// <summary>The built-in simulated endpoint, started on a loopback port for the run.</summary>
    Simulated,
    /// <summary>Any OpenAI-compatible server (vLLM, SGLang, Ollama, llama.cpp, OpenAI, DeepSeek).</summary>
    Openai,
}

/// <summary>The request field that carries the completion-token limit.</summary>
public enum TokenLimitField
{
    /// <summary><c>max_completion_tokens</c> for api.openai.com (which refuses the legacy field for reasoning models), <c>max_tokens</c> elsewhere (every OpenAI-compatible server reads it).</summary>
    Auto,
    MaxTokens,
    MaxCompletionTokens,
}

public sealed class ModelOptions : IValidatableObject
{
    public ModelProvider Provider { get; set; } = ModelProvider.Simulated;

    /// <summary>Base URL including <c>/v1</c>. Ignored for the simulated provider.</summary>
    public string? Endpoint { get; set; }

    [Required, MinLength(1)]
    public string Name { get; set; } = "simulated";

    /// <summary>Name of the environment variable holding the API key (never the key itself).</summary>
    public string? ApiKeyEnv { get; set; }

    [Range(1, 1024)]
    public int SamplesPerProblem { get; set; } = 4;

    /// <summary>Requests in flight at once.</summary>
    [Range(1, 4096)]
    public int Concurrency { get; set; } = 16;

    // Sampling parameters: null means "not sent" (the server's own default applies), so a model card's settings can be
    // followed exactly, including leaving a parameter out.
    [Range(0.0, 2.0)]
    public double? Temperature { get; set; } = 0.7;

    [Range(0.0, 1.0)]
    public double? TopP { get; set; } = 0.95;

    /// <summary>Completion-token limit per sample; null sends none (the server's limit applies).</summary>
    [Range(1, 1_000_000)]
    public int? MaxTokens { get; set; } = 4096;

    /// <summary>Which request field carries <see cref="MaxTokens"/>.</summary>
    public TokenLimitField TokenLimitField { get; set; } = TokenLimitField.Auto;

    /// <summary>vLLM/SGLang/llama.cpp <c>top_k</c>: -1 (vLLM: off) or at least 1.</summary>
    [Range(-1, 1_000_000)]
    public int? TopK { get; set; }

    [Range(0.0, 1.0)]
    public double? MinP { get; set; }

    /// <summary>vLLM/SGLang <c>repetition_penalty</c> (1 = off).</summary>
    [Range(0.01, 10.0)]
    public double? RepetitionPenalty { get; set; }

    [Range(-2.0, 2.0)]
    public double? PresencePenalty { get; set; }

    [Range(-2.0, 2.0)]
    public double? FrequencyPenalty { get; set; }

    /// <summary>Stop sequences (a list of strings).</summary>
    public List<string>? Stop { get; set; }

    /// <summary><c>reasoning_effort</c> for reasoning models (e.g. <c>low</c>, <c>medium</c>, <c>high</c>).</summary>
    public string? ReasoningEffort { get; set; }

    /// <summary>
    /// Free-form fields merged into every request body, e.g. vLLM's <c>chat_template_kwargs: {enable_thinking: false}</c>.
    /// Fields that have their own key here are refused, so provenance never holds two values for one parameter.
    /// </summary>
    public JsonObject? ExtraBody { get; set; }

    /// <summary>
    /// Samples drawn per request (OpenAI's <c>n</c>): indexes are requested in groups of this size, each group one
    /// request whose seed is that of its first index. 1 sends no <c>n</c>.
    /// </summary>
    [Range(1, 128)]
    public int SamplesPerRequest { get; set; } = 1;

    /// <summary>Use server-sent events; lets the client see partial output of long generations.</summary>
    public bool Stream { get; set; }

    /// <summary>Optional system message sent before every problem.</summary>
    public string? SystemPrompt { get; set; }

    public PromptTemplateOptions PromptTemplate { get; set; } = new();

    /// <summary>Timeout of one HTTP attempt; long chain-of-thought needs minutes.</summary>
    [Range(0.1, 86_400)] // Polly's upper bound for a timeout is one day
    public double RequestTimeoutSeconds { get; set; } = 600;

    /// <summary>Retries after the first attempt for 429, 5xx, timeouts and connection failures.</summary>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>First backoff delay; doubles each retry, with jitter, capped by <see cref="RetryMaxDelaySeconds"/>.</summary>
    [Range(0.0, 600)]
    public double RetryBaseDelaySeconds { get; set; } = 1;

    [Range(0.0, 3600)]
    public double RetryMaxDelaySeconds { get; set; } = 60;

    /// <summary>Halve the requests in flight when the server answers 429, and grow back slowly on success.</summary>
    public bool AdaptiveConcurrency { get; set; } = true;

    /// <summary>Client-side cap on requests started per minute (null: none).</summary>
    [Range(1, 10_000_000)]
    public int? RequestsPerMinute { get; set; }

    /// <summary>Client-side cap on prompt + completion tokens per minute (null: none).</summary>
    [Range(1, 1_000_000_000)]
    public int? TokensPerMinute { get; set; }

    /// <summary>How long the circuit stays open (no requests at all) after the endpoint starts failing, before a probe.</summary>
    [Range(0.5, 3600)] // Polly's lower bound for a break
    public double CircuitBreakSeconds { get; set; } = 15;

    /// <summary>An outage longer than this (circuit open without recovery) fails the waiting samples.</summary>
    [Range(0, 86_400)]
    public double MaxOutageSeconds { get; set; } = 600;

    /// <summary>Price per million prompt tokens, in dollars, for cost budgets and reports.</summary>
    [Range(0.0, 1_000_000)]
    public double PricePerMillionPromptTokens { get; set; }

    /// <summary>Price per million completion tokens, in dollars.</summary>
    [Range(0.0, 1_000_000)]
    public double PricePerMillionCompletionTokens { get; set; }

    /// <summary>Dollars for these token counts at the configured prices (the one place the price formula lives).</summary>
    public double PriceUsd(double promptTokens, double completionTokens) =>
        (promptTokens * PricePerMillionPromptTokens + completionTokens * PricePerMillionCompletionTokens) / 1e6;

    /// <summary>Whether any price is configured (without one, cost figures are not shown).</summary>
    public bool HasPrices() => PricePerMillionPromptTokens + PricePerMillionCompletionTokens > 0;

    /// <summary>Simulated provider only: probability a response is correct.</summary>
    [Range(0.0, 1.0)]
    public double Accuracy { get; set; } = 0.7;

    /// <summary>
    /// Simulated provider only: how much problems differ in difficulty. 0: every problem is solved with probability
    /// <see cref="Accuracy"/>; above 0 each problem gets its own pass rate, logit(accuracy) + spread × z with z a
    /// standard normal drawn from the problem id, so some problems are always solved and some never.
    /// </summary>
    [Range(0.0, 10.0)]
    public double DifficultySpread { get; set; }

    /// <summary>Adaptive sample budgets (<c>model.adaptive</c>).</summary>
    public AdaptiveOptions Adaptive { get; set; } = new();

    /// <summary>Simulated provider only: fault injection spec, e.g. <c>429=0.1,500=0.05,hang=0.02</c>.</summary>
    public string? Faults { get; set; }

    /// <summary>Simulated provider only: fixed delay before each answer, in milliseconds.</summary>
    [Range(0, 600_000)]
    public int LatencyMs { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == ModelProvider.Openai)
        {
            if (string.IsNullOrWhiteSpace(Endpoint))
                yield return new ValidationResult("required when provider is openai (e.g. http://localhost:8000/v1)", [nameof(Endpoint)]);
            else if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                yield return new ValidationResult($"must be an absolute http(s) URL, got '{Endpoint}'", [nameof(Endpoint)]);
        }

        if (ApiKeyEnv is { Length: > 0 } env && !IsEnvironmentVariableName(env))
            yield return new ValidationResult("must be the NAME of an environment variable (letters, digits, underscore), not a key", [nameof(ApiKeyEnv)]);

        if (RetryMaxDelaySeconds < RetryBaseDelaySeconds)
            yield return new ValidationResult("must be at least retry_base_delay_seconds", [nameof(RetryMaxDelaySeconds)]);

        if (Provider == ModelProvider.Openai && !string.IsNullOrWhiteSpace(Faults))
            yield return new ValidationResult("fault injection only exists for the simulated provider", [nameof(Faults)]);
        if (Provider == ModelProvider.Openai && DifficultySpread != 0)
            yield return new ValidationResult("per-problem difficulty only exists for the simulated provider", [nameof(DifficultySpread)]);

        if (SamplesPerRequest > 1 && Stream)
            yield return new ValidationResult("more than one sample per request needs stream: false (streamed choices are not told apart)", [nameof(SamplesPerRequest)]);
        if (TopK == 0)
            yield return new ValidationResult("must be -1 (off) or at least 1", [nameof(TopK)]);
        if (Stop is { } stop && (stop.Count == 0 || stop.Any(string.IsNullOrEmpty)))
            yield return new ValidationResult("must be a non-empty list of non-empty strings, e.g. [\"</answer>\"] (or leave it out)", [nameof(Stop)]);
        if (ReasoningEffort is { } effort && (effort.Length == 0 || !effort.All(char.IsAsciiLetterLower)))
            yield return new ValidationResult($"must be a lower-case word such as low, medium or high, got '{effort}'", [nameof(ReasoningEffort)]);
        foreach (var problem in ExtraBodyProblems())
            yield return new ValidationResult(problem, [nameof(ExtraBody)]);
    }

    /// <summary>Request fields that have a key of their own (or belong to the client), with the key to use instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> OwnedRequestFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["model"] = "model.name",
        ["messages"] = "model.system_prompt / model.prompt_template",
        ["stream"] = "model.stream",
        ["stream_options"] = "model.stream",
        ["seed"] = "run.seed",
        ["n"] = "model.samples_per_request",
        ["temperature"] = "model.temperature",
        ["top_p"] = "model.top_p",
        ["max_tokens"] = "model.max_tokens",
        ["max_completion_tokens"] = "model.max_tokens and model.token_limit_field",
        ["top_k"] = "model.top_k",
        ["min_p"] = "model.min_p",
        ["repetition_penalty"] = "model.repetition_penalty",
        ["presence_penalty"] = "model.presence_penalty",
        ["frequency_penalty"] = "model.frequency_penalty",
        ["stop"] = "model.stop",
        ["reasoning_effort"] = "model.reasoning_effort",
    };

    private IEnumerable<string> ExtraBodyProblems()
    {
        foreach (var (key, _) in ExtraBody ?? [])
        {
            if (OwnedRequestFields.TryGetValue(key, out var instead))
                yield return $"'{key}' has its own key: set {instead} instead";
            else if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                yield return $"field name '{key}' must be letters, digits and underscores";
        }
    }

    /// <summary>The wire name of the token-limit field this config sends.</summary>
    public string ResolveTokenLimitField() => TokenLimitField switch
    {
        TokenLimitField.MaxTokens => "max_tokens",
        TokenLimitField.MaxCompletionTokens => "max_completion_tokens",
        _ => Provider == ModelProvider.Openai && Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri)
             && uri.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase)
            ? "max_completion_tokens"
            : "max_tokens",
    };

    private static bool IsEnvironmentVariableName(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]);
}

public sealed class PromptTemplateOptions : IValidatableObject
{
    public const string Placeholder = "{problem}";

    /// <summary>User message for math problems; <c>{problem}</c> is replaced by the problem text.</summary>
    public string Math { get; set; } =
        "{problem}\n\nPlease reason step by step, and put your final answer within \\boxed{}.";

    /// <summary>User message for code problems.</summary>
    public string Code { get; set; } =
        "{problem}\n\nThink it through, then give your complete solution as a single Python program in one ```python fenced code block.";

    /// <summary>User message for logic puzzles; the problem text states the answer format itself.</summary>
    public string Logic { get; set; } =
        "{problem}\n\nReason it through, check your answer against every rule, then give it in exactly the format asked for, in one final ``` fenced code block.";

    /// <summary>The template for problems of <paramref name="domain"/>, and its config key.</summary>
    public (string Template, string Key) For(Problems.ProblemDomain domain) => domain switch
    {
        Problems.ProblemDomain.Code => (Code, "model.prompt_template.code"),
        Problems.ProblemDomain.Logic => (Logic, "model.prompt_template.logic"),
        _ => (Math, "model.prompt_template.math"),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Math.Contains(Placeholder, StringComparison.Ordinal))
            yield return new ValidationResult($"must contain {Placeholder}", [nameof(Math)]);
        if (!Code.Contains(Placeholder, StringComparison.Ordinal))
            yield return new ValidationResult($"must contain {Placeholder}", [nameof(Code)]);
        if (!Logic.Contains(Placeholder, StringComparison.Ordinal))
            yield return new ValidationResult($"must contain {Placeholder}", [nameof(Logic)]);
    }
}
