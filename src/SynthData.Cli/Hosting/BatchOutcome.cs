namespace SynthData.Cli.Hosting;

/// <summary>Carries the exit code out of the hosted service to <c>Main</c>.</summary>
public sealed class BatchOutcome
{
    public int ExitCode { get; set; } = ExitCodes.Ok;
}
