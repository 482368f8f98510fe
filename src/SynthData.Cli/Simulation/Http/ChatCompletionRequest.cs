using System.Text;
using System.Text.Json;
using SynthData.Cli.Simulation.Model;

namespace SynthData.Cli.Simulation.Http;

/// <summary>The parts of a <c>POST /v1/chat/completions</c> body the simulator honours.</summary>
internal sealed record ChatCompletionRequest
{
    public const int MaxChoices = 128;

    /// <summary>
    /// Where the problem prompt is looked for: the last user message (so a registered problem quoted as a few-shot
    /// example in an earlier message is not mistaken for the question), or all messages when no user message exists.
    /// </summary>
    public required string Text { get; init; }

    /// <summary><see cref="SimpleTokenizer"/> tokens of every message plus 4 per message and 2 for the reply header.</summary>
    public required int PromptTokens { get; init; }

    public int N { get; init; } = 1;

    /// <summary>The <c>model</c> field, when the request names one.</summary>
    public string? Model { get; init; }

    /// <summary><c>max_completion_tokens</c>, else <c>max_tokens</c>.</summary>
    public int? MaxTokens { get; init; }

    public long Seed { get; init; }

    public double? Temperature { get; init; }

    public bool Stream { get; init; }

    public bool IncludeUsage { get; init; }

    /// <summary>Greedy decoding: every choice and every seed give the same text, as with a real model at temperature 0.</summary>
    public bool Greedy => Temperature is 0;

    /// <exception cref="InvalidRequestException">The body is not a valid request; the message names the field.</exception>
    public static ChatCompletionRequest Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidRequestException("The request body must be a JSON object.", null);
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            throw new InvalidRequestException("'messages' must be a non-empty array.", "messages");

        var all = new StringBuilder();
        string? lastUser = null;
        var promptTokens = 2;
        var i = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var content = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out var c)
                ? ContentText(c, $"messages[{i}].content")
                : throw new InvalidRequestException($"messages[{i}] must be an object with a 'content'.", $"messages[{i}]");
            if (message.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String && role.GetString() == "user")
                lastUser = content;
            all.Append(content).Append("\n\n");
            promptTokens += SimpleTokenizer.Count(content) + 4;
            i++;
        }

        var streamOptions = root.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object ? so : default;
        return new ChatCompletionRequest
        {
            Text = lastUser ?? all.ToString(),
            PromptTokens = promptTokens,
            N = Int(root, "n", 1, MaxChoices) ?? 1,
            Model = root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String ? model.GetString() : null,
            MaxTokens = Int(root, "max_completion_tokens", 1, int.MaxValue) ?? Int(root, "max_tokens", 1, int.MaxValue),
            Seed = ParseSeed(root),
            Temperature = Number(root, "temperature", 0, 2),
            Stream = Bool(root, "stream") ?? false,
            IncludeUsage = streamOptions.ValueKind == JsonValueKind.Object && (Bool(streamOptions, "include_usage") ?? false),
        };
    }

    private static string ContentText(JsonElement content, string path)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString()!;
            case JsonValueKind.Null:
                return string.Empty;
            case JsonValueKind.Array:
                var sb = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                        sb.Append(t.GetString()).Append('\n');
                }
                return sb.ToString();
            default:
                throw new InvalidRequestException($"'{path}' must be a string, an array of parts or null.", path);
        }
    }

    private static long ParseSeed(JsonElement root)
    {
        if (!root.TryGetProperty("seed", out var v) || v.ValueKind == JsonValueKind.Null)
            return 0;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var seed)
            ? seed
            : throw new InvalidRequestException("'seed' must be an integer.", "seed");
    }

    private static int? Int(JsonElement root, string name, int min, int max)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw new InvalidRequestException($"'{name}' must be an integer between {min} and {max}.", name);
    }

    private static double? Number(JsonElement root, string name, double min, double max)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        return v.ValueKind == JsonValueKind.Number && v.GetDouble() is var x && x >= min && x <= max
            ? x
            : throw new InvalidRequestException($"'{name}' must be a number between {min} and {max}.", name);
    }

    private static bool? Bool(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        return v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean()
            : throw new InvalidRequestException($"'{name}' must be a boolean.", name);
    }
}

/// <summary>A request the simulator answers with 400, as OpenAI-compatible servers do.</summary>
internal sealed class InvalidRequestException(string message, string? param) : Exception(message)
{
    public string? Param { get; } = param;
}
