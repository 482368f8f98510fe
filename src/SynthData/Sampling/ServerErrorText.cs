using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SynthData.Sampling;

/// <summary>
/// The human part of an error body, in the shapes OpenAI-compatible servers use: OpenAI's
/// <c>{"error": {"message"}}</c>, vLLM's older top-level <c>{"message"}</c>, Ollama's <c>{"error": "..."}</c>,
/// FastAPI's <c>{"detail"}</c>, or plain text/HTML from a proxy. One line, bounded, and never the API key.
/// </summary>
public static partial class ServerErrorText
{
    public const int MaxLength = 400;

    public static string? Extract(ReadOnlySpan<byte> body, string? secret)
    {
        if (body.IsEmpty)
            return null;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(body[..Math.Min(body.Length, 64 * 1024)]);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var message = FromJson(text) ?? FromText(text);
        return Clean(message, secret);
    }

    /// <summary>Collapses whitespace, removes the secret (servers sometimes echo the key they refused) and bounds the length.</summary>
    public static string? Clean(string? message, string? secret)
    {
        if (string.IsNullOrWhiteSpace(message))
            return null;
        if (!string.IsNullOrEmpty(secret))
            message = message.Replace(secret, "[redacted]", StringComparison.Ordinal);
        message = Whitespace().Replace(message, " ").Trim();
        if (message.Length > MaxLength)
            message = message[..(MaxLength - 1)].TrimEnd() + "…";
        return message.Length == 0 ? null : message;
    }

    private static string? FromJson(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return root.ValueKind == JsonValueKind.String ? root.GetString() : null;
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                    return error.GetString();
                if (error.ValueKind == JsonValueKind.Object && Text(error, "message") is { } nested)
                    return nested;
            }

            if (Text(root, "message") is { } top)
                return top;
            if (root.TryGetProperty("detail", out var detail))
            {
                return detail.ValueKind switch
                {
                    JsonValueKind.String => detail.GetString(),
                    // FastAPI validation errors: [{"loc": [...], "msg": "...", ...}]
                    JsonValueKind.Array => string.Join("; ", detail.EnumerateArray()
                        .Select(d => d.ValueKind == JsonValueKind.Object ? Text(d, "msg") : null).OfType<string>()),
                    _ => null,
                };
            }

            return text; // some other JSON: show it as it is, bounded
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FromText(string text)
    {
        // An HTML error page from a proxy: its title says it ("502 Bad Gateway"); the rest is markup.
        if (text.TrimStart().StartsWith('<'))
        {
            var title = Title().Match(text);
            return title.Success ? title.Groups[1].Value : Tags().Replace(text, " ");
        }

        return text;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();
}
