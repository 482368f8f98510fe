using System.Text.Json;

namespace SynthData.Sampling;

/// <summary>Reads a non-streaming chat completion body strictly, turning every malformation into a retryable error.</summary>
internal static class ChatCompletionJson
{
    public static ModelCompletion Parse(BinaryData body, string fallbackModel)
    {
        try
        {
            return ParseStrict(body, fallbackModel);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json reports invalid UTF-8 inside strings and wrong token types this way.
            throw new MalformedResponseException($"unreadable response: {e.Message}");
        }
    }

    private static ModelCompletion ParseStrict(BinaryData body, string fallbackModel)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.ToMemory());
        }
        catch (JsonException e)
        {
            throw new MalformedResponseException($"response is not valid JSON: {e.Message}");
        }

        using var _ = doc;
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new MalformedResponseException("response is not a JSON object");
        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
            throw new MalformedResponseException("response has no choices");
        var choice = choices[0];
        if (!choice.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            throw new MalformedResponseException("choice has no message");
        var content = String(message, "content");
        var reasoning = String(message, "reasoning_content") ?? String(message, "reasoning");
        if (content is null && reasoning is null)
            throw new MalformedResponseException("message content is null");
        var finish = String(choice, "finish_reason") ?? "unknown";
        int prompt = 0, completion = 0;
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            prompt = Int(usage, "prompt_tokens");
            completion = Int(usage, "completion_tokens");
        }

        return new ModelCompletion
        {
            Content = content ?? "",
            ReasoningContent = string.IsNullOrEmpty(reasoning) ? null : reasoning,
            FinishReason = finish,
            PromptTokens = prompt,
            CompletionTokens = completion,
            Model = String(root, "model") is { Length: > 0 } m ? m : fallbackModel,
            ResponseId = String(root, "id"),
        };
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : 0;
}
