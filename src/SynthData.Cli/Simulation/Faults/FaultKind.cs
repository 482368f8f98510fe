namespace SynthData.Cli.Simulation.Faults;

/// <summary>What can go wrong with one request to the simulated endpoint (DESIGN.md §2a <c>model.faults</c>).</summary>
public enum FaultKind
{
    /// <summary>429; half of them carry <c>Retry-After</c>, half do not.</summary>
    TooManyRequests,
    InternalServerError,
    BadGateway,
    ServiceUnavailable,
    /// <summary>Never answers; the request ends only when the client gives up.</summary>
    Hang,
    /// <summary>The connection is aborted after part of the response was sent.</summary>
    Reset,
    /// <summary>200 with a body (or one SSE event) that is not valid JSON.</summary>
    BadJson,
    /// <summary>The body or stream ends early but cleanly (no <c>[DONE]</c>, no finish reason).</summary>
    Truncate,
    /// <summary>200 with an empty <c>choices</c> array.</summary>
    Empty,
    /// <summary>200 whose message content is <c>null</c>.</summary>
    NullContent,
    /// <summary>200 with a body of more than 10 MB (the real answer plus padding).</summary>
    Huge,
    /// <summary>200 whose content contains bytes that are not valid UTF-8.</summary>
    BadUtf8,
    /// <summary>A correct answer, after an extra delay.</summary>
    Slow,
}

public static class FaultKindNames
{
    private static readonly (FaultKind Kind, string Name)[] Names =
    [
        (FaultKind.TooManyRequests, "429"),
        (FaultKind.InternalServerError, "500"),
        (FaultKind.BadGateway, "502"),
        (FaultKind.ServiceUnavailable, "503"),
        (FaultKind.Hang, "hang"),
        (FaultKind.Reset, "reset"),
        (FaultKind.BadJson, "badjson"),
        (FaultKind.Truncate, "truncate"),
        (FaultKind.Empty, "empty"),
        (FaultKind.NullContent, "nullcontent"),
        (FaultKind.Huge, "huge"),
        (FaultKind.BadUtf8, "badutf8"),
        (FaultKind.Slow, "slow"),
    ];

    public static IReadOnlyList<FaultKind> All { get; } = Names.Select(n => n.Kind).ToArray();

    /// <summary>The spelling used in fault specs and config.</summary>
    public static string ToWire(this FaultKind kind) => Names.First(n => n.Kind == kind).Name;

    public static bool TryParse(string text, out FaultKind kind)
    {
        foreach (var (k, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
