using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SynthData.Cli.Simulation.Faults;
using SynthData.Cli.Simulation.Model;
using SynthData.Common;

namespace SynthData.Cli.Simulation.Http;

/// <summary>Routes and answers the simulator's HTTP requests: chat completions (with faults) and the model list.</summary>
internal sealed class SimulatorRequestHandler(
    SimulatedEndpointOptions options,
    SimulatedModel model,
    SimulatedEndpointStats stats,
    Func<OutageWindow?> currentOutage,
    ReceivedRequests received,
    CancellationToken stopping)
{
    private long _requestCount;

    public async Task HandleAsync(HttpContext ctx)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stopping);
        var ct = linked.Token;
        try
        {
            var path = ctx.Request.Path.Value ?? string.Empty;
            if (path == "/v1/chat/completions" && HttpMethods.IsPost(ctx.Request.Method))
                await ChatCompletionAsync(ctx, ct);
            else if (path == "/v1/models" && HttpMethods.IsGet(ctx.Request.Method))
                await ModelsAsync(ctx, ct);
            else
                await ResponseWriting.ErrorAsync(ctx, StatusCodes.Status404NotFound, $"No route {ctx.Request.Method} {path} (simulated endpoint).", "invalid_request_error", "not_found", ct);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && ct.IsCancellationRequested)
        {
            // The client gave up or went away (or the endpoint is stopping): nothing left to answer.
        }
    }

    private async Task ModelsAsync(HttpContext ctx, CancellationToken ct)
    {
        stats.CountModelList();
        if (await RejectAsync(ctx, ct))
            return;
        await ResponseWriting.WriteAsync(ctx, StatusCodes.Status200OK, ResponseWriting.Json, CompletionJson.Models(options.ModelName), ct);
    }

    private async Task ChatCompletionAsync(HttpContext ctx, CancellationToken ct)
    {
        var number = Interlocked.Increment(ref _requestCount);
        stats.CountRequest();
        if (await RejectAsync(ctx, ct))
            return;

        ChatCompletionRequest request;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ct);
            if (options.RecordRequests)
                received.Add(doc.RootElement);
            request = ChatCompletionRequest.Parse(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidRequestException)
        {
            stats.CountBadRequest();
            await ResponseWriting.ErrorAsync(ctx, StatusCodes.Status400BadRequest, e.Message, "invalid_request_error", null, ct, (e as InvalidRequestException)?.Param);
            return;
        }

        if (options.RejectUnknownModels && request.Model is { } name && name != options.ModelName)
        {
            stats.CountBadRequest();
            await ResponseWriting.ErrorAsync(ctx, StatusCodes.Status404NotFound, $"The model `{name}` does not exist.", "NotFoundError", "model_not_found", ct, "model");
            return;
        }

        // Which request gets which fault depends on arrival order; what the model writes never does.
        var faultRng = SeededRandom.ForItem(options.FaultSeed, number, "fault");
        var fault = options.Faults.Pick(faultRng.NextDouble());
        if (fault is { } f)
            stats.CountFault(f);

        switch (fault)
        {
            // Rejections come before any generation work, so they skip the latency.
            case FaultKind.TooManyRequests or FaultKind.InternalServerError or FaultKind.BadGateway or FaultKind.ServiceUnavailable:
                await FaultedResponses.WriteErrorAsync(ctx, fault.Value, faultRng, options.RetryAfterSeconds, ct);
                return;
            case FaultKind.Hang:
                await Task.Delay(Timeout.Infinite, ct);
                return;
        }
        var delay = options.Latency + (fault == FaultKind.Slow ? options.SlowDelay : TimeSpan.Zero);
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, ct);

        var completion = Render(request, number, out var unknown);
        // Counted before writing, so a client that has read its answer always finds it in the stats.
        if (fault is null or FaultKind.Slow or FaultKind.Huge)
            stats.CountAnswer(completion.Choices.Count, completion.PromptTokens, completion.CompletionTokens, unknown);
        if (request.Stream)
            await FaultedResponses.WriteStreamAsync(ctx, fault, completion, request.IncludeUsage, ct);
        else
            await FaultedResponses.WriteBodyAsync(ctx, fault, completion, faultRng, ct);
    }

    /// <summary>Answers for the endpoint as a whole: a scripted outage, or a wrong API key.</summary>
    private async Task<bool> RejectAsync(HttpContext ctx, CancellationToken ct)
    {
        if (currentOutage() is { } outage)
        {
            stats.CountOutageRejection();
            if (outage.Mode == OutageMode.Drop)
            {
                ctx.Abort();
                return true;
            }
            await ResponseWriting.ErrorAsync(ctx, StatusCodes.Status503ServiceUnavailable, "The server is down (simulated outage).", "server_error", "service_unavailable", ct);
            return true;
        }
        if (options.ApiKey is { } key && ctx.Request.Headers.Authorization.ToString() != $"Bearer {key}")
        {
            stats.CountBadRequest();
            await ResponseWriting.ErrorAsync(ctx, StatusCodes.Status401Unauthorized, "Incorrect API key provided (simulated endpoint).", "invalid_request_error", "invalid_api_key", ct);
            return true;
        }
        return false;
    }

    private RenderedCompletion Render(ChatCompletionRequest request, long number, out int unknown)
    {
        var limit = Math.Min(request.MaxTokens ?? options.ContextTokens, options.ContextTokens);
        // Greedy decoding writes the same text for every choice and seed.
        IReadOnlyList<SimulatedCompletion> completions = request.Greedy
            ? [.. Enumerable.Repeat(model.Complete(request.Text, 0, 0), request.N)]
            : model.Complete(request.Text, request.Seed, 0, request.N);
        unknown = completions.Count(c => c.Problem is null);
        var choices = completions.Select((c, i) => RenderedCompletion.Choice(i, c, limit, options.ReasoningField)).ToList();
        var id = $"chatcmpl-sim-{options.FaultSeed:x}-{number:x}";
        return new RenderedCompletion(id, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), options.ModelName, choices, request.PromptTokens);
    }
}
