namespace SynthData.Cli.Hosting;

/// <summary>
/// Carries the exit code out of the hosted service to <c>Main</c>. It starts as a failure, so a host that stops before
/// the service could say how the batch ended (shutdown timeout, crash) never reports success.
/// </summary>
public sealed class BatchOutcome
{
    public int ExitCode { get; set; } = ExitCodes.Failed;
}
