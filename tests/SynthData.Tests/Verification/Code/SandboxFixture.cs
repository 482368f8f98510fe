using SynthData.Problems;
using SynthData.Verification.Code;

namespace SynthData.Tests.Verification.Code;

/// <summary>One real bubblewrap-backed verifier shared by a test class (the harness file is written once).</summary>
public sealed class SandboxFixture : IDisposable
{
    public CodeVerifier Verifier { get; } = new(new CodeVerifierOptions { TimeoutSeconds = 3, MemoryCgroup = MemoryCgroupWanted, SandboxUid = SandboxProcesses.Uid });

    /// <summary>
    /// SYNTHDATA_TEST_MEMORY_CGROUP=0 runs the sandbox suites on the per-process fallback (a host without cgroup
    /// delegation), to see which red-team cases then hold (bench/README.md, "without a memory cgroup").
    /// </summary>
    internal static bool MemoryCgroupWanted => Environment.GetEnvironmentVariable("SYNTHDATA_TEST_MEMORY_CGROUP") != "0";

    public static Problem AssertProblem(string tests, string? entryPoint = null, double? timeoutSeconds = null) => new()
    {
        Id = "t", Domain = ProblemDomain.Code, Prompt = string.Empty, Tests = tests, EntryPoint = entryPoint,
        Source = ProblemOrigin.Dataset("test", 1),
        Metadata = timeoutSeconds is { } s ? new System.Text.Json.Nodes.JsonObject { ["timeout_s"] = s } : null,
    };

    public static Problem FunctionProblem(string entryPoint, params FunctionTest[] tests) => new()
    {
        Id = "f", Domain = ProblemDomain.Code, Prompt = string.Empty, EntryPoint = entryPoint, FunctionTests = tests,
        Source = ProblemOrigin.Dataset("test", 1),
    };

    public static Problem IoProblem(params IoTest[] tests) => new()
    {
        Id = "io", Domain = ProblemDomain.Code, Prompt = string.Empty, IoTests = tests,
        Source = ProblemOrigin.Dataset("test", 1),
    };

    public void Dispose() => Verifier.Dispose();
}

/// <summary>A verifier that starts a fresh jail for every check (warm sandboxes off).</summary>
public sealed class FreshSandboxFixture : IDisposable
{
    public CodeVerifier Verifier { get; } = new(new CodeVerifierOptions { TimeoutSeconds = 3, WarmSandboxes = false, MemoryCgroup = SandboxFixture.MemoryCgroupWanted, SandboxUid = SandboxProcesses.Uid });

    public void Dispose() => Verifier.Dispose();
}
