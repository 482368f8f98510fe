using System.Text;
using Microsoft.AspNetCore.Http;
using SynthData.Cli.Simulation.Faults;
using SynthData.Common;

namespace SynthData.Cli.Simulation.Http;

/// <summary>
/// Writes a response the way a fault breaks it. Faults that carry text (huge, slow) carry the same text as a clean
/// answer; the rest carry none or a visibly broken one, so a client that accepts only clean answers records the same data.
/// </summary>
internal static class FaultedResponses
{
    /// <summary>Bytes no UTF-8 decoder accepts: a lead byte without continuation, and two bytes that never occur.</summary>
    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xFF, 0xFE];
    private const string Utf8Marker = "SIMULATOR_INVALID_UTF8_MARKER";
    private const int HugeBytes = 10 * 1024 * 1024 + 1024;

    public static async Task WriteErrorAsync(HttpContext ctx, FaultKind fault, SeededRandom rng, int retryAfterSeconds, CancellationToken ct)
    {
        switch (fault)
        {
            case FaultKind.TooManyRequests:
                if (rng.Chance(0.5))
                    ctx.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ResponseWriting.ErrorAsync(ctx, StatusCodes.Status429TooManyRequests,
                    "Rate limit reached for requests (simulated). Please try again later.", "rate_limit_error", "rate_limit_exceeded", ct);
                break;
            case FaultKind.InternalServerError:
                await ResponseWriting.ErrorAsync(ctx, StatusCodes.Status500InternalServerError,
                    "The server had an error while processing your request (simulated).", "server_error", null, ct);
                break;
            case FaultKind.BadGateway:
                // Proxies in front of model servers answer 502 with HTML, not JSON.
                await ResponseWriting.WriteAsync(ctx, StatusCodes.Status502BadGateway, "text/html",
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"u8.ToArray(), ct);
                break;
            default:
                await ResponseWriting.ErrorAsync(ctx, StatusCodes.Status503ServiceUnavailable,
                    "The server is overloaded or not ready yet (simulated).", "server_error", "service_unavailable", ct);
                break;
        }
    }

    public static async Task WriteBodyAsync(HttpContext ctx, FaultKind? fault, RenderedCompletion completion, SeededRandom rng, CancellationToken ct)
    {
        switch (fault)
        {
            case FaultKind.Empty:
                await ResponseWriting.WriteAsync(ctx, 200, ResponseWriting.Json, CompletionJson.Completion(completion.WithoutChoices()), ct);
                break;
            case FaultKind.NullContent:
                await ResponseWriting.WriteAsync(ctx, 200, ResponseWriting.Json, CompletionJson.Completion(completion.WithNullContent()), ct);
                break;
            case FaultKind.Huge:
                await ResponseWriting.WriteAsync(ctx, 200, ResponseWriting.Json, CompletionJson.Completion(completion, Padding.Value), ct);
                break;
            case FaultKind.BadUtf8:
                var marked = completion with { Choices = [.. completion.Choices.Select((c, i) => i == 0 ? c with { Content = InsertMiddle(c.Content, Utf8Marker) } : c)] };
                await ResponseWriting.WriteAsync(ctx, 200, ResponseWriting.Json,
                    CompletionJson.ReplaceMarker(CompletionJson.Completion(marked), Utf8Marker, InvalidUtf8), ct);
                break;
            case FaultKind.BadJson:
                await ResponseWriting.WriteAsync(ctx, 200, ResponseWriting.Json, BrokenJson(CompletionJson.Completion(completion), rng), ct);
                break;
            case FaultKind.Truncate or FaultKind.Reset:
                var body = CompletionJson.Completion(completion);
                await ResponseWriting.StartChunkedAsync(ctx, ResponseWriting.Json, ct);
                await ResponseWriting.WritePartsAsync(ctx, [body[..(body.Length / 2)]], ct);
                if (fault == FaultKind.Reset)
                    ctx.Abort();
                break;
            default:
                await ResponseWriting.WriteAsync(ctx, 200, ResponseWriting.Json, CompletionJson.Completion(completion), ct);
                break;
        }
    }

    public static async Task WriteStreamAsync(HttpContext ctx, FaultKind? fault, RenderedCompletion completion, bool includeUsage, CancellationToken ct)
    {
        var events = fault switch
        {
            FaultKind.Empty => CompletionJson.Chunks(completion.WithoutChoices(), includeUsage),
            FaultKind.NullContent => CompletionJson.Chunks(completion.WithNullContent(), includeUsage),
            FaultKind.Huge => CompletionJson.Chunks(completion, includeUsage, Padding.Value),
            _ => CompletionJson.Chunks(completion, includeUsage),
        };
        var middle = events.Count / 2;
        switch (fault)
        {
            case FaultKind.BadUtf8:
                events.Insert(middle, CompletionJson.ReplaceMarker(CompletionJson.ContentDelta(completion, includeUsage, Utf8Marker), Utf8Marker, InvalidUtf8));
                break;
            case FaultKind.BadJson:
                events.Insert(middle, Encoding.UTF8.GetBytes($"data: {{\"id\":\"{completion.Id}\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\n\n"));
                break;
            case FaultKind.Truncate or FaultKind.Reset:
                events.RemoveRange(middle, events.Count - middle);
                break;
        }

        await ResponseWriting.StartChunkedAsync(ctx, ResponseWriting.EventStream, ct);
        await ResponseWriting.WritePartsAsync(ctx, events, ct);
        if (fault == FaultKind.Reset)
            ctx.Abort();
    }

    private static string InsertMiddle(string? text, string insert)
    {
        text ??= string.Empty;
        var at = text.Length / 2;
        if (at > 0 && char.IsLowSurrogate(text[at]))
            at--;
        return text[..at] + insert + text[at..];
    }

    /// <summary>Either an HTML error page sent as 200 JSON (a misbehaving proxy) or the body with an unquoted key.</summary>
    private static byte[] BrokenJson(byte[] body, SeededRandom rng) => rng.Chance(0.5)
        ? "<html><body><h1>upstream returned an invalid response</h1></body></html>"u8.ToArray()
        : CompletionJson.ReplaceMarker(body, "\"choices\":", "choices:"u8);

    /// <summary>Built once: the same 10 MB of filler serves every huge response.</summary>
    private static readonly Lazy<string> Padding = new(() => string.Create(HugeBytes, 0, static (span, _) =>
    {
        const string Filler = "simulated padding to make this body huge; ";
        for (var i = 0; i < span.Length; i++)
            span[i] = Filler[i % Filler.Length];
    }));
}
