using System.Text.Json;

namespace SynthData.Sampling;

/// <summary>Reads a non-streaming chat completion body strictly, turning every malformation into a retryable error.</summary>
internal static class ChatCompletionJson
{
    /// <summary>
    /// The <paramref name="expectedChoices"/> choices of a body, in index order. A server reports usage per request,
    /// so with several choices it is divided among them (completion tokens by text length, prompt tokens evenly) in
    /// a way whose sums are exact.
    /// </summary>
    public static IReadOnlyList<ModelCompletion> Parse(BinaryData body, string fallbackModel, int expectedChoices = 1)
    {
        try
        {
            return ParseStrict(body, fallbackModel, expectedChoices);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json reports invalid UTF-8 inside strings and wrong token types this way.
            throw new MalformedResponseException($"unreadable response: {e.Message}");
        }
    }

    private static IReadOnlyList<ModelCompletion> ParseStrict(BinaryData body, string fallbackModel, int expectedChoices)
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
        if (choices.GetArrayLength() < expectedChoices)
            throw new MalformedResponseException($"response has {choices.GetArrayLength()} choices, {expectedChoices} were asked for");

        var parsed = new (int Index, string Content, string? Reasoning, string Finish)[expectedChoices];
        var position = 0;
        foreach (var choice in choices.EnumerateArray().Take(expectedChoices))
        {
            if (choice.ValueKind != JsonValueKind.Object || !choice.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
                throw new MalformedResponseException("choice has no message");
            var content = String(message, "content");
            var reasoning = String(message, "reasoning_content") ?? String(message, "reasoning");
            if (content is null && reasoning is null)
                throw new MalformedResponseException("message content is null");
            // Choices are matched to sample indexes by their index, not by where the server put them.
            var index = choice.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out var n) ? n : position;
            parsed[position++] = (index, content ?? "", string.IsNullOrEmpty(reasoning) ? null : reasoning, String(choice, "finish_reason") ?? "unknown");
        }

        var ordered = parsed.OrderBy(c => c.Index).ToArray();
        if (ordered.Select(c => c.Index).Distinct().Count() != ordered.Length || ordered[0].Index != 0 || ordered[^1].Index != ordered.Length - 1)
            throw new MalformedResponseException($"response choice indexes are not 0..{expectedChoices - 1}");

        int prompt = 0, completion = 0;
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            prompt = Int(usage, "prompt_tokens");
            completion = Int(usage, "completion_tokens");
        }

        var promptShares = UsageSplit.Divide(prompt, [.. ordered.Select(_ => 1L)]);
        var completionShares = UsageSplit.Divide(completion, [.. ordered.Select(c => (long)c.Content.Length + (c.Reasoning?.Length ?? 0) + 1)]);
        var model = String(root, "model") is { Length: > 0 } m ? m : fallbackModel;
        var id = String(root, "id");
        return [.. ordered.Select((c, k) => new ModelCompletion
        {
            Content = c.Content,
            ReasoningContent = c.Reasoning,
            FinishReason = c.Finish,
            PromptTokens = promptShares[k],
            CompletionTokens = completionShares[k],
            Model = model,
            ResponseId = id,
            ChoiceIndex = c.Index,
        })];
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : 0;
}
