using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace SynthData.Sampling;

/// <summary>
/// <see cref="IModelClient"/> over the official OpenAI SDK, for any OpenAI-compatible server. The SDK's own retries are
/// off (Polly owns them). Fields the SDK does not model (<c>top_k</c>, <c>min_p</c>, <c>repetition_penalty</c>, <c>n</c>,
/// <c>max_tokens</c>, <c>model.extra_body</c>; <c>reasoning_content</c> in answers) go through the SDK's JSON patch,
/// which is why the experimental-API warnings are confined to this file. HTTP errors leave as
/// <see cref="EndpointHttpException"/> carrying the server's own message, without the key.
/// </summary>
public sealed class OpenAiModelClient : IModelClient
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    private readonly ChatClient _chat;
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly string? _apiKey;

    public OpenAiModelClient(Uri endpoint, string model, string? apiKey, TimeSpan requestTimeout, HttpClient? httpClient = null)
    {
        ModelName = model;
        _baseUrl = endpoint.ToString().TrimEnd('/');
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = requestTimeout,
            UserAgentApplicationId = "synthdata",
            Transport = new HttpClientPipelineTransport(_http),
        };
        // Local servers take any key but the SDK refuses an empty one.
        _chat = new ChatClient(model, new ApiKeyCredential(_apiKey ?? "EMPTY"), options);
    }

    public string ModelName { get; }

    public string BaseUrl => _baseUrl;

    public async Task<ModelCompletion> CompleteAsync(ModelRequest request, CancellationToken cancellationToken) =>
        (await CompleteChoicesAsync(request, cancellationToken).ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<ModelCompletion>> CompleteChoicesAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var messages = request.Messages.Select(ToSdk).ToList();
        var options = ToSdk(request.Sampling);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var choices = request.Stream
                ? [await StreamAsync(messages, options, cancellationToken).ConfigureAwait(false)]
                : await CompleteOnceAsync(messages, options, request.Sampling.N, cancellationToken).ConfigureAwait(false);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return [.. choices.Select(c => c with { LatencyMs = latency })];
        }
        catch (ClientResultException e)
        {
            throw Translate(e, "/chat/completions");
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e, "/chat/completions");
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException
                                       or ArgumentOutOfRangeException or DecoderFallbackException or InvalidOperationException)
        {
            // The SDK parses the body before we see it: a malformed body surfaces as one of these (invalid UTF-8
            // inside a JSON string is an InvalidOperationException from System.Text.Json).
            throw new MalformedResponseException($"unreadable response: {e.Message}");
        }
    }

    /// <summary>The smallest real request: one token for one short message, with this run's request fields.</summary>
    public async Task ProbeAsync(SamplingParameters sampling, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        await CompleteChoicesAsync(new ModelRequest
        {
            Messages = [new ChatMessage("user", "Reply with OK.")],
            Sampling = sampling with { MaxTokens = 1, N = 1, Seed = null },
        }, timeout.Token).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>?> ListModelsAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, _baseUrl + "/models");
        if (_apiKey is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e, "/models");
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 404 or 405 or 501)
                return null; // a server without a model list (some proxies, llama.cpp builds): nothing to check against
            if (!response.IsSuccessStatusCode)
                throw new EndpointHttpException(status, _baseUrl + "/models", ServerErrorText.Extract(body, _apiKey), null);
            return ModelIds(body);
        }
    }

    private static List<string>? ModelIds(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                return null;
            return [.. data.EnumerateArray()
                .Select(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null)
                .OfType<string>()];
        }
        catch (JsonException)
        {
            return null; // an unreadable list checks nothing; the requests themselves will tell
        }
    }

    private static ChatCompletionOptions ToSdk(SamplingParameters s)
    {
        var options = new ChatCompletionOptions
        {
            Temperature = (float?)s.Temperature,
            TopP = (float?)s.TopP,
            PresencePenalty = (float?)s.PresencePenalty,
            FrequencyPenalty = (float?)s.FrequencyPenalty,
            Seed = s.Seed,
        };
        if (s.MaxTokens is { } max)
        {
            if (s.TokenLimitField == "max_completion_tokens")
                options.MaxOutputTokenCount = max;
            else
                options.Patch.Set("$.max_tokens"u8, max);
        }

        foreach (var stop in s.Stop ?? [])
            options.StopSequences.Add(stop);
        if (s.ReasoningEffort is { } effort)
            options.ReasoningEffortLevel = new ChatReasoningEffortLevel(effort);
        if (s.TopK is { } topK)
            options.Patch.Set("$.top_k"u8, topK);
        if (s.MinP is { } minP)
            options.Patch.Set("$.min_p"u8, minP);
        if (s.RepetitionPenalty is { } penalty)
            options.Patch.Set("$.repetition_penalty"u8, penalty);
        if (s.N > 1)
            options.Patch.Set("$.n"u8, s.N);
        foreach (var (key, value) in s.ExtraBody ?? [])
        {
            var path = Encoding.UTF8.GetBytes("$." + key);
            if (value is null)
                options.Patch.SetNull(path);
            else
                options.Patch.Set(path, BinaryData.FromString(value.ToJsonString()));
        }

        return options;
    }

    private async Task<IReadOnlyList<ModelCompletion>> CompleteOnceAsync(List<OpenAI.Chat.ChatMessage> messages, ChatCompletionOptions options, int n, CancellationToken ct)
    {
        ClientResult<ChatCompletion> result = await _chat.CompleteChatAsync(messages, options, ct).ConfigureAwait(false);
        // Read the raw body ourselves: it is the only way to see null content, empty choices and vendor fields
        // (reasoning_content) exactly as the server sent them.
        return ChatCompletionJson.Parse(result.GetRawResponse().Content, ModelName, n);
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

    private Exception Translate(ClientResultException e, string path)
    {
        if (e.GetRawResponse() is not { } response || e.Status == 0)
            return Unreachable(e, path);
        return new EndpointHttpException(e.Status, _baseUrl + path, ServerErrorText.Extract(response.Content.ToMemory().Span, _apiKey), RetryAfterHeader.Read(response.Headers));
    }

    private EndpointUnreachableException Unreachable(Exception e, string path)
    {
        bool refused = false, noSuchHost = false;
        string? detail = null;
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is System.Net.Sockets.SocketException s)
            {
                refused |= s.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused;
                noSuchHost |= s.SocketErrorCode is System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData;
                detail ??= s.Message;
            }

            if (x is HttpRequestException h)
            {
                noSuchHost |= h.HttpRequestError == HttpRequestError.NameResolutionError;
                if (x.InnerException is null)
                    detail ??= FirstLine(h.Message);
            }
        }

        detail = refused ? "connection refused (nothing is listening there)"
            : noSuchHost ? $"the host name does not resolve ({detail ?? "unknown host"})"
            : detail ?? FirstLine((e.InnerException ?? e).Message);
        return new EndpointUnreachableException(_baseUrl + path, ServerErrorText.Clean(detail, _apiKey) ?? "no response", refused, noSuchHost, e);
    }

    private static string FirstLine(string s)
    {
        var nl = s.IndexOf('\n', StringComparison.Ordinal);
        return (nl < 0 ? s : s[..nl]).Trim();
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
