using Microsoft.AspNetCore.Http;

namespace SynthData.Cli.Simulation.Http;

internal static class ResponseWriting
{
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";

    public static async Task WriteAsync(HttpContext ctx, int status, string contentType, byte[] body, CancellationToken ct)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body, ct);
    }

    public static Task ErrorAsync(HttpContext ctx, int status, string message, string type, string? code, CancellationToken ct, string? param = null) =>
        WriteAsync(ctx, status, Json, CompletionJson.Error(message, type, code, param), ct);

    /// <summary>Writes without a Content-Length (chunked), so the body can end early or be cut by an abort.</summary>
    public static async Task StartChunkedAsync(HttpContext ctx, string contentType, CancellationToken ct)
    {
        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = contentType;
        if (contentType == EventStream)
            ctx.Response.Headers.CacheControl = "no-cache";
        await ctx.Response.StartAsync(ct);
    }

    public static async Task WritePartsAsync(HttpContext ctx, IEnumerable<byte[]> parts, CancellationToken ct)
    {
        foreach (var part in parts)
        {
            await ctx.Response.Body.WriteAsync(part, ct);
            await ctx.Response.Body.FlushAsync(ct);
        }
    }
}
