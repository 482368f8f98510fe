using Microsoft.Extensions.Logging;

namespace SynthData.Sampling;

/// <summary>
/// Before a run sends anything: does the endpoint exist, take the key, and serve the model? <c>GET /models</c> answers
/// the first two and lists the models; when it does not list the configured one (or has no list), one 1-token request
/// with the run's own request fields decides. Certain problems (nothing listening, unknown host, 401/403, unknown
/// model, a request the server refuses) fail in seconds with the URL, the status and the server's message; a busy or
/// slow server is only warned about, since the run's retries and circuit breaker deal with that.
/// </summary>
public static class EndpointPreflight
{
    private const int MaxListedModels = 20;

    /// <exception cref="EndpointCheckException">The endpoint cannot serve this run as configured.</exception>
    public static async Task CheckAsync(IModelClient client, SamplingParameters sampling, ILogger logger, CancellationToken ct)
    {
        IReadOnlyList<string>? models;
        try
        {
            models = await client.ListModelsAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (Certain(e))
        {
            throw Failure(client, e, null);
        }
        catch (Exception e) when (e is EndpointHttpException or EndpointUnreachableException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("pre-flight check of {Url}: {Reason}; going ahead", client.BaseUrl, Reason(e));
            return;
        }

        if (models is not null && models.Contains(client.ModelName, StringComparer.Ordinal))
        {
            logger.LogInformation("endpoint {Url} serves model '{Model}'", client.BaseUrl, client.ModelName);
            return;
        }

        try
        {
            await client.ProbeAsync(sampling, ct).ConfigureAwait(false);
            if (models is not null)
                logger.LogInformation("endpoint {Url} accepts model '{Model}' (not in its list of {Count} models)", client.BaseUrl, client.ModelName, models.Count);
        }
        catch (Exception e) when (Certain(e) || e is EndpointHttpException { Retryable: false })
        {
            throw Failure(client, e, models);
        }
        catch (Exception e) when (e is not OutOfMemoryException && (ResiliencePipelineFactory.IsTransient(e, ct) || e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("pre-flight request to {Url}: {Reason}; going ahead", client.BaseUrl, Reason(e));
        }
    }

    /// <summary>Answers that will not change by waiting: no server, no such host, or the server refusing us.</summary>
    private static bool Certain(Exception e) =>
        e is EndpointUnreachableException { Refused: true } or EndpointUnreachableException { NoSuchHost: true } or EndpointHttpException { Status: 401 or 403 };

    private static EndpointCheckException Failure(IModelClient client, Exception e, IReadOnlyList<string>? models)
    {
        var what = e switch
        {
            EndpointUnreachableException u => $"{u.Message}. Is the server running, and is model.endpoint its base URL (including /v1)?",
            EndpointHttpException { Status: 401 or 403 } h => $"{h.Message}. Check the API key: model.api_key_env names the environment variable that holds it.",
            EndpointHttpException { Status: 404 } h when models is { Count: > 0 } =>
                $"model '{client.ModelName}' is not served there ({h.Message}). The server serves: {Names(models)}. Set model.name to one of them.",
            EndpointHttpException { Status: 404 } h =>
                $"{h.Message}. Check model.name, and that model.endpoint is the base URL (including /v1).",
            EndpointHttpException h => $"the server refuses this run's requests: {h.Message}. Check the request settings (model.*, model.extra_body).",
            _ => e.Message,
        };
        return new EndpointCheckException($"model endpoint check failed: {what}");
    }

    private static string Names(IReadOnlyList<string> models) =>
        string.Join(", ", models.Take(MaxListedModels)) + (models.Count > MaxListedModels ? $" (and {models.Count - MaxListedModels} more)" : "");

    private static string Reason(Exception e) => e is OperationCanceledException ? "no answer within 10 s" : ResiliencePipelineFactory.Describe(e);
}
