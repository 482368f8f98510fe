using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using SynthData.Problems;
using SynthData.Reward;

namespace SynthData.Cli.Reward;

/// <summary>
/// The HTTP side of <c>synthdata serve-reward</c> (DESIGN.md §2b) on 127.0.0.1: <c>GET /healthz</c>, and
/// <c>POST /v1/reward</c> <c>{"items": [...]}</c> → <c>{"results": [...]}</c> in item order. A body over the cap is
/// refused with 413, a body that is not a request object with 400; bad items never fail their batch.
/// </summary>
public sealed class RewardServer : IAsyncDisposable
{
    /// <summary>Bodies up to this many times the cap are read through before the 413 (see HandleAsync).</summary>
    private const long DrainLimitFactor = 4;

    private readonly WebApplication _app;
    private readonly TimeSpan _shutdownGrace;
    private int _disposed;

    private RewardServer(WebApplication app, string baseUrl, TimeSpan shutdownGrace)
    {
        _app = app;
        BaseUrl = baseUrl;
        _shutdownGrace = shutdownGrace;
    }

    /// <summary>e.g. <c>http://127.0.0.1:8765</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<RewardServer> StartAsync(RewardScorer scorer, int port, long maxBodyBytes, TimeSpan shutdownGrace, CancellationToken ct)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxBodyBytes; // also bounds chunked bodies, which have no Content-Length
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        app.Run(context => HandleAsync(context, scorer, maxBodyBytes));
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RewardServer(app, address.TrimEnd('/'), shutdownGrace);
    }

    private static async Task HandleAsync(HttpContext context, RewardScorer scorer, long maxBodyBytes)
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        switch (request.Path.Value)
        {
            case "/healthz" when HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method):
                await WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["status"] = "ok" }).ConfigureAwait(false);
                return;
            case "/v1/reward" when HttpMethods.IsPost(request.Method):
                break;
            case "/healthz" or "/v1/reward":
                await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, $"{request.Method} is not allowed here: use GET /healthz or POST /v1/reward").ConfigureAwait(false);
                return;
            default:
                await WriteErrorAsync(context, StatusCodes.Status404NotFound, $"no such endpoint {request.Path}: use GET /healthz or POST /v1/reward").ConfigureAwait(false);
                return;
        }

        if (request.ContentLength is { } length && length > maxBodyBytes)
        {
            // Most clients (Python requests, HttpClient) send the whole body before they read the answer. Closing the
            // connection mid-body hands them a broken pipe instead of this 413 and its reason, so a body up to a few
            // times the cap is read and dropped first; a larger one is cut off.
            if (length <= DrainLimitFactor * maxBodyBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap)
            {
                cap.MaxRequestBodySize = null;
                await request.Body.CopyToAsync(Stream.Null, ct).ConfigureAwait(false);
            }

            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(maxBodyBytes)).ConfigureAwait(false);
            return;
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(maxBodyBytes)).ConfigureAwait(false);
            return;
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"the body is not JSON: {e.Message}").ConfigureAwait(false);
            return;
        }

        if (body is not JsonObject { } o || o["items"] is not JsonArray items)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "expected a JSON object {\"items\": [{\"ability\", \"ground_truth\", \"response\"}, ...]}").ConfigureAwait(false);
            return;
        }

        var results = await scorer.ScoreAsync(items, ct).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK,
            new JsonObject { ["results"] = new JsonArray(results.Select(r => (JsonNode)r.ToJson()).ToArray()) }).ConfigureAwait(false);
    }

    private static string TooLarge(long maxBodyBytes) =>
        $"the request body is over the cap of {maxBodyBytes / (1024 * 1024)} MiB (reward.max_request_mb): send fewer items per request";

    private static Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, new JsonObject { ["error"] = message });

    private static async Task WriteAsync(HttpContext context, int status, JsonObject json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json.ToJsonString(ProblemJson.Compact), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Stops accepting connections and lets in-flight requests finish within the grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        using (var grace = new CancellationTokenSource(_shutdownGrace))
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
