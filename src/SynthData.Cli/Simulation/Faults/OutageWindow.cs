namespace SynthData.Cli.Simulation.Faults;

/// <summary>A scripted outage, in time since the endpoint started.</summary>
public sealed record OutageWindow(TimeSpan Start, TimeSpan Duration, OutageMode Mode)
{
    public bool Contains(TimeSpan elapsed) => elapsed >= Start && elapsed < Start + Duration;
}

public enum OutageMode
{
    /// <summary>Every request is answered with 503.</summary>
    ServiceUnavailable,
    /// <summary>Connections are dropped as soon as they are accepted, like a server that is not there.</summary>
    Drop,
}
