using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Text;
using OpenAI;
using OpenAI.Chat;

namespace SynthData.Sampling;

/// <summary>
/// <see cref="IModelClient"/> over the official OpenAI SDK, for any OpenAI-compatible server. The SDK's own retries are
/// off (Polly owns them) and non-standard fields (<c>reasoning_content</c>) are read through the SDK's JSON patch, which is
/// why the experimental-API warnings are confined to this file.
/// </summary>
public sealed class OpenAiModelClient : IModelClient
{
    private readonly ChatClient _chat;
    private readonly bool _sendLegacyMaxTokens;

    public OpenAiModelClient(Uri endpoint, string model, string? apiKey, TimeSpan requestTimeout, HttpClient? httpClient = null)
    {
        ModelName = model;
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = requestTimeout,
            UserAgentApplicationId = "synthdata",
        };
        if (httpClient is not null)
            options.Transport = new HttpClientPipelineTransport(httpClient);
        // Local servers take any key but the SDK refuses an empty one.
        _chat = new ChatClient(model, new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "EMPTY" : apiKey), options);
        // OpenAI's own API rejects the legacy field for reasoning models; older vLLM/llama.cpp builds only read it.
        _sendLegacyMaxTokens = !endpoint.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase);
    }

    public string ModelName { get; }

    public async Task<ModelCompletion> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var messages = request.Messages.Select(ToSdk).ToList();
        var options = new ChatCompletionOptions
        {
            Temperature = (float)request.Sampling.Temperature,
            TopP = (float)request.Sampling.TopP,
            MaxOutputTokenCount = request.Sampling.MaxTokens,
            Seed = request.Sampling.Seed,
        };
        if (_sendLegacyMaxTokens)
            options.Patch.Set("$.max_tokens"u8, request.Sampling.MaxTokens);

        var started = Stopwatch.GetTimestamp();
        try
        {
            var completion = request.Stream
                ? await StreamAsync(messages, options, cancellationToken).ConfigureAwait(false)
                : await CompleteOnceAsync(messages, options, cancellationToken).ConfigureAwait(false);
            return completion with { LatencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or KeyNotFoundException
                                       or ArgumentOutOfRangeException or DecoderFallbackException or InvalidOperationException)
        {
            // The SDK parses the body before we see it: a malformed body surfaces as one of these (invalid UTF-8
            // inside a JSON string is an InvalidOperationException from System.Text.Json).
            throw new MalformedResponseException($"unreadable response: {e.Message}");
        }
    }

    private async Task<ModelCompletion> CompleteOnceAsync(List<OpenAI.Chat.ChatMessage> messages, ChatCompletionOptions options, CancellationToken ct)
    {
        ClientResult<ChatCompletion> result = await _chat.CompleteChatAsync(messages, options, ct).ConfigureAwait(false);
        // Read the raw body ourselves: it is the only way to see null content, empty choices and vendor fields
        // (reasoning_content) exactly as the server sent them.
        return ChatCompletionJson.Parse(result.GetRawResponse().Content, ModelName);
    }

    private async Task<ModelCompletion> StreamAsync(List<OpenAI.Chat.ChatMessage> messages, ChatCompletionOptions options, CancellationToken ct)
    {
        var content = new StringBuilder();
        var reasoning = new StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        string? id = null, model = null;
        await foreach (var update in _chat.CompleteChatStreamingAsync(messages, options, ct).ConfigureAwait(false))
        {
            id ??= update.CompletionId;
            model ??= update.Model;
            foreach (var part in update.ContentUpdate)
                content.Append(part.Text);
            if (update.Patch.TryGetValue("$.choices[0].delta.reasoning_content"u8, out string? r) && r is not null)
                reasoning.Append(r);
            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        // A stream that ends without a finish reason was cut off: treat it as a failed attempt, not as an answer.
        if (finish is null)
            throw new MalformedResponseException("stream ended without a finish_reason");
        return new ModelCompletion
        {
            Content = content.ToString(),
            ReasoningContent = reasoning.Length > 0 ? reasoning.ToString() : null,
            FinishReason = FinishReasonText(finish.Value),
            PromptTokens = usage?.InputTokenCount ?? 0,
            CompletionTokens = usage?.OutputTokenCount ?? 0,
            Model = string.IsNullOrEmpty(model) ? ModelName : model,
            ResponseId = id,
        };
    }

    private static OpenAI.Chat.ChatMessage ToSdk(ChatMessage m) => m.Role switch
    {
        "system" => new SystemChatMessage(m.Content),
        "assistant" => new AssistantChatMessage(m.Content),
        _ => new UserChatMessage(m.Content),
    };

    private static string FinishReasonText(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString().ToLowerInvariant(),
    };
}

/// <summary>The server answered, but not with a usable completion (no choices, cut-off stream): worth a retry.</summary>
public sealed class MalformedResponseException(string message) : Exception(message);
