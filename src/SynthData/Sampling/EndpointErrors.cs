namespace SynthData.Sampling;

/// <summary>
/// The server answered a request with an HTTP error. <see cref="Exception.Message"/> is what operators see and what the
/// ledger keeps for the failed attempt: the status, the URL and the server's own message (secret-free, one line).
/// </summary>
public sealed class EndpointHttpException(int status, string url, string? serverMessage, TimeSpan? retryAfter)
    : Exception(serverMessage is null ? $"HTTP {status} from {url}" : $"HTTP {status} from {url}: {serverMessage}")
{
    public int Status { get; } = status;

    public string Url { get; } = url;

    /// <summary>The server's error text, redacted and truncated; null when the body said nothing readable.</summary>
    public string? ServerMessage { get; } = serverMessage;

    /// <summary>How long the server asked us to wait (<c>Retry-After</c>, <c>retry-after-ms</c>), unclamped.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// Worth another attempt: timeouts (408), conflicts (409), rate limits (429) and server errors. Any other 4xx is an
    /// answer about the request itself, which an identical retry cannot change.
    /// </summary>
    public bool Retryable => Status is 408 or 409 or 429 or >= 500;

    /// <summary>
    /// Every request of the run would get the same answer (wrong key, no permission, unknown model or path), so the
    /// run stops at the first one instead of recording the same failure for every sample.
    /// </summary>
    public bool RejectsEveryRequest => Status is 401 or 403 or 404;
}

/// <summary>No HTTP answer at all: nothing listening, name not resolved, connection dropped before a response.</summary>
public sealed class EndpointUnreachableException(string url, string detail, bool refused, bool noSuchHost, Exception? inner)
    : Exception($"cannot reach {url}: {detail}", inner)
{
    public string Url { get; } = url;

    /// <summary>The connection was refused: nothing listens there now. Unambiguous, so it counts at once.</summary>
    public bool Refused { get; } = refused;

    /// <summary>The host name does not resolve.</summary>
    public bool NoSuchHost { get; } = noSuchHost;
}

/// <summary>The pre-flight check found that the endpoint cannot serve this run as configured (wrong key, model, URL).</summary>
public sealed class EndpointCheckException(string message) : Exception(message);
