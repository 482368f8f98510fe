using System.ComponentModel.DataAnnotations;

namespace SynthData.Verification.Code;

/// <summary>How untrusted programs are isolated.</summary>
public enum SandboxMode
{
    /// <summary>Bubblewrap namespace jails: fresh namespaces per check, in a warm jail per slot or a fresh jail per check (the default, and the only safe mode).</summary>
    Bubblewrap,

    /// <summary>No isolation beyond rlimits: only for machines without bubblewrap, chosen explicitly and logged loudly.</summary>
    None,
}

/// <summary>Settings of the sandboxed code verifier (config section <c>verifiers.code</c>).</summary>
public sealed class CodeVerifierOptions
{
    public SandboxMode Sandbox { get; set; } = SandboxMode.Bubblewrap;

    /// <summary>Wall-clock limit for one check (all tests of one problem); a problem may override it with <c>metadata.timeout_s</c>.</summary>
    [Range(0.1, 600)]
    public double TimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Stdin/stdout tests: when set, number tokens compare within this tolerance (see <see cref="StdoutComparer"/>);
    /// unset, stdout compares as text. A problem may set its own with <c>metadata.float_tolerance</c>.
    /// </summary>
    [Range(0.0, 1.0)]
    public double? FloatTolerance { get; set; }

    [Range(32, 65536)]
    public int MemoryMb { get; set; } = 512;

    /// <summary>Cap on everything the program writes (stdout + stderr + returned values) in one check.</summary>
    [Range(1024, 1 << 30)]
    public int OutputLimitBytes { get; set; } = 1 << 20;

    [Range(1, 1024)]
    public int MaxParallelChecks { get; set; } = Environment.ProcessorCount;

    [Required]
    public string PythonPath { get; set; } = "/usr/bin/python3";

    [Required]
    public string BubblewrapPath { get; set; } = "bwrap";

    /// <summary>Uid the sandboxed processes run as (also the uid bubblewrap is started under when we are root).</summary>
    [Range(1, int.MaxValue)]
    public int SandboxUid { get; set; } = 65534;

    /// <summary>RLIMIT_NPROC inside the sandbox; counted per sandbox because each has its own user namespace.</summary>
    [Range(4, 4096)]
    public int MaxProcesses { get; set; } = 32;

    [Range(1, 4096)]
    public int MaxFileSizeMb { get; set; } = 16;

    [Range(1, 4096)]
    public int TempSizeMb { get; set; } = 64;

    /// <summary>
    /// Run checks in warm sandboxes: one long-lived jail per parallel slot whose zygote forks a freshly isolated
    /// harness per check (see <see cref="CodeVerifier"/>). Off: every check starts a fresh jail (slower, the
    /// reference implementation, and the fallback whenever a warm sandbox cannot be used).
    /// </summary>
    public bool WarmSandboxes { get; set; } = true;

    /// <summary>
    /// Hold all processes of a check to one memory limit (MemoryMb plus the sandbox's own overhead) with a memory
    /// cgroup, where the host lets this process create one (root, or a delegated cgroup v2 subtree). Off, or where
    /// none can be created: RLIMIT_AS per process only (see bench/README.md for what then holds).
    /// </summary>
    public bool MemoryCgroup { get; set; } = true;

    /// <summary>How often a check is retried when the sandbox itself failed to start.</summary>
    [Range(0, 10)]
    public int SandboxRetries { get; set; } = 2;

    /// <summary>Throws <see cref="ValidationException"/> naming the first bad setting.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
