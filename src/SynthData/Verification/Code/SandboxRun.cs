namespace SynthData.Verification.Code;

/// <summary>
/// What one check's processes did: the trusted harness's report (only it holds that pipe), the program's stdout and
/// stderr, and how it ended. <paramref name="MemoryLimitHit"/>: the check's memory cgroup killed a process.
/// <paramref name="SandboxFailure"/>: the sandbox itself broke during the check (never a pass).
/// </summary>
internal sealed record SandboxRun(
    int? ExitCode,
    byte[] Report,
    byte[] Stdout,
    byte[] Stderr,
    bool TimedOut,
    bool OutputLimitExceeded,
    TimeSpan Elapsed,
    bool MemoryLimitHit = false,
    string? SandboxFailure = null);
