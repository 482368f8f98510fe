namespace SynthData.Verification.Code;

/// <summary>What one sandboxed process tree did: its captured output and how it ended.</summary>
internal sealed record SandboxRun(
    int? ExitCode,
    byte[] Stdout,
    byte[] Stderr,
    bool TimedOut,
    bool OutputLimitExceeded,
    TimeSpan Elapsed);
