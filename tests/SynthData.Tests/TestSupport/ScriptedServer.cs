using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SynthData.Tests.TestSupport;

/// <summary>
/// A real HTTP server on loopback that answers exactly as a test scripts it (status, headers, body), for server
/// replies the simulated endpoint does not make on purpose: a 401 with a given JSON error, a 400, a 429 once.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();

    private ScriptedServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Base URL including <c>/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>"METHOD /path" of every request received, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public int Count(string methodAndPath) => Requests.Count(r => r == methodAndPath);

    /// <summary>An OpenAI chat completion body with one choice.</summary>
    public static string Completion(string content, string model = "m") =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            id = "chatcmpl-scripted",
            @object = "chat.completion",
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 5, completion_tokens = 7, total_tokens = 12 },
        });

    /// <summary>A <c>GET /models</c> body listing <paramref name="models"/>.</summary>
    public static string ModelList(params string[] models) =>
        System.Text.Json.JsonSerializer.Serialize(new { @object = "list", data = models.Select(m => new { id = m, @object = "model" }) });

    /// <param name="handle">Gets "METHOD /path" and its 1-based number among requests to that path; writes the reply.</param>
    public static async Task<ScriptedServer> StartAsync(Func<HttpContext, string, int, Task> handle)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ScriptedServer? server = null;
        var counts = new ConcurrentDictionary<string, int>();
        app.Run(async ctx =>
        {
            var key = $"{ctx.Request.Method} {ctx.Request.Path}";
            server!._requests.Enqueue(key);
            // Read the body through, as a real server does before answering.
            await ctx.Request.Body.CopyToAsync(Stream.Null);
            await handle(ctx, key, counts.AddOrUpdate(key, 1, (_, n) => n + 1));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ScriptedServer(app, new Uri(address.TrimEnd('/') + "/v1"));
        return server;
    }

    public static async Task ReplyAsync(HttpContext ctx, int status, string body, params (string Name, string Value)[] headers)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        foreach (var (name, value) in headers)
            ctx.Response.Headers[name] = value;
        await ctx.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
