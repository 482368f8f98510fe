using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SynthData.Cli.Simulation.Faults;
using SynthData.Cli.Simulation.Http;
using SynthData.Cli.Simulation.Model;

namespace SynthData.Cli.Simulation;

/// <summary>
/// An OpenAI-compatible chat server on loopback that plays a model (DESIGN.md §1 "Simulated endpoint"):
/// <c>POST /v1/chat/completions</c> (JSON or SSE, <c>n</c>, <c>max_tokens</c>, <c>seed</c>, <c>temperature</c>, usage)
/// and <c>GET /v1/models</c>. Answers come from a <see cref="SimulatedModel"/> over the given answer book, right with
/// the configured probability; faults are injected per request as the <see cref="FaultSpec"/> says.
/// </summary>
public sealed class SimulatedEndpoint : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private SimulatedEndpoint(WebApplication app, CancellationTokenSource stopping, Uri baseUrl, SimulatedEndpointStats stats, SimulatedEndpointOptions options, ReceivedRequests received)
    {
        Received = received;
        _app = app;
        _stopping = stopping;
        BaseUrl = baseUrl;
        Stats = stats;
        Options = options;
    }

    /// <summary>The OpenAI base URL, e.g. <c>http://127.0.0.1:5123/v1</c> (no trailing slash).</summary>
    public Uri BaseUrl { get; }

    public SimulatedEndpointStats Stats { get; }

    public SimulatedEndpointOptions Options { get; }

    /// <summary>Chat request bodies as received, when <see cref="SimulatedEndpointOptions.RecordRequests"/> is set.</summary>
    public ReceivedRequests Received { get; }

    /// <summary>Starts listening on 127.0.0.1; outage windows count from the moment this returns.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<SimulatedEndpoint> StartAsync(SimulatedEndpointOptions options, SimulatedAnswerBook book, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(book);
        options.Validate();

        var stats = new SimulatedEndpointStats();
        var stopping = new CancellationTokenSource();
        var clock = new OutageClock(options.Faults);
        var received = new ReceivedRequests();
        var handler = new SimulatorRequestHandler(options, new SimulatedModel(book, options.Accuracy, options.ContextTokens,
            new ProblemDifficulty(options.Accuracy, options.DifficultySpread, options.DifficultySeed)), stats, clock.Current, received, stopping.Token);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Use(next => connection =>
            {
                // A dropping outage refuses new connections outright: the client sees the server vanish.
                if (clock.Current() is { Mode: OutageMode.Drop })
                {
                    stats.CountOutageRejection();
                    connection.Abort();
                    return Task.CompletedTask;
                }
                return next(connection);
            }));
        });
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }
        clock.Start();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatedEndpoint(app, stopping, new Uri(address.TrimEnd('/') + "/v1"), stats, options, received);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        // Release hanging requests first so shutdown does not wait for clients that will never give up.
        await _stopping.CancelAsync();
        using (var grace = new CancellationTokenSource(ShutdownGrace))
            await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    /// <summary>Time since start, for scripted outages.</summary>
    private sealed class OutageClock(FaultSpec faults)
    {
        private long _started = -1;

        public void Start() => Volatile.Write(ref _started, TimeProvider.System.GetTimestamp());

        public OutageWindow? Current()
        {
            var started = Volatile.Read(ref _started);
            return faults.Outages.Count == 0 || started < 0 ? null : faults.OutageAt(TimeProvider.System.GetElapsedTime(started));
        }
    }
}
