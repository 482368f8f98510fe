using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using SynthData.Problems;
using SynthData.Verification;
using SynthData.Verification.Code;

namespace SynthData.Tests.Verification.Code;

/// <summary>
/// What the sandbox promises beyond single programs: any interpreter (outside /usr too), no inherited descriptor in
/// the jail, and one memory limit for a whole check (or the documented per-process fallback without a cgroup).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxBoundaryTests
{
    private const string Add = "def add(a, b):\n    return a + b\n";
    private static readonly Problem AddProblem = SandboxFixture.AssertProblem("assert add(2, 3) == 5", "add", timeoutSeconds: 20);

    [Fact]
    public async Task An_interpreter_that_cannot_work_is_named_with_the_reason()
    {
        using var notPython = new CodeVerifier(new CodeVerifierOptions { PythonPath = "/bin/true" });
        var e = await Assert.ThrowsAsync<SandboxUnavailableException>(() => notPython.EnsureSandboxWorksAsync(CancellationToken.None));
        Assert.Contains("/bin/true", e.Message);
        Assert.Contains("python_path", e.Message);

        using var missing = new CodeVerifier(new CodeVerifierOptions { PythonPath = "/opt/nowhere/bin/python3" });
        var verdict = await missing.CheckProgramAsync(AddProblem, Add, CancellationToken.None);
        Assert.Equal(VerdictKinds.Error, verdict.Kind);
        Assert.Contains("python not found at '/opt/nowhere/bin/python3'", verdict.Reason);
    }

    [Fact]
    public async Task Descriptors_the_host_inherited_never_reach_the_jail()
    {
        // Descriptors without close-on-exec, as a launching shell or CI runner may leave them (seen: 10 and 251).
        using var file = File.OpenHandle("/dev/null");
        int[] leaked = [10, 251];
        foreach (var fd in leaked)
            Assert.Equal(fd, Dup2((int)file.DangerousGetHandle(), fd));
        try
        {
            const string Program = """
                import os
                def open_fds():
                    found = []
                    for fd in range(0, 1024):
                        try:
                            os.fstat(fd)
                            found.append(fd)
                        except OSError:
                            pass
                    return found
                """;
            var problem = SandboxFixture.FunctionProblem("open_fds", new FunctionTest([], new JsonArray(0, 1, 2, 3, 4)));
            foreach (var warm in new[] { true, false })
            {
                using var verifier = new CodeVerifier(new CodeVerifierOptions { WarmSandboxes = warm, TimeoutSeconds = 20 });
                var verdict = await verifier.CheckProgramAsync(problem, Program, CancellationToken.None);
                Assert.True(verdict.Accepted, $"warm={warm}: {verdict.Reason}");
            }
        }
        finally
        {
            foreach (var fd in leaked)
                _ = Close(fd);
        }
    }

    private const string ChildrenTogether = """
        import os, select, time
        def add(a, b):
            ready_r, ready_w = os.pipe()
            for _ in range(6):
                if os.fork() == 0:
                    block = bytearray(200 << 20)
                    for i in range(0, len(block), 4096):
                        block[i] = 1
                    os.write(ready_w, b"1")
                    time.sleep(60)
                    os._exit(0)
            os.close(ready_w)
            got = b""
            while len(got) < 6 and select.select([ready_r], [], [], 25)[0]:
                chunk = os.read(ready_r, 6)
                if not chunk:
                    break
                got += chunk
            return a + b if len(got) >= 6 else None
        """;

    [Fact]
    public async Task Processes_of_one_check_share_one_memory_limit_where_a_cgroup_can_be_made()
    {
        if (MemoryCgroup.TryDetect(out _) is null)
            return; // no delegation here: the fallback test below covers what then holds
        var problem = SandboxFixture.AssertProblem("assert add(2, 3) == 5", "add", timeoutSeconds: 40);
        foreach (var warm in new[] { true, false })
        {
            using var verifier = new CodeVerifier(new CodeVerifierOptions { WarmSandboxes = warm, MemoryMb = 512 });
            var verdict = await verifier.CheckProgramAsync(problem, ChildrenTogether, CancellationToken.None);
            Assert.True(verdict.Kind == VerdictKinds.Memory, $"warm={warm}: {verdict.Kind} {verdict.Reason}");
            // The slot survives: the OOM killer takes the check's processes, never the zygote.
            Assert.True((await verifier.CheckProgramAsync(AddProblem, Add, CancellationToken.None)).Accepted);
        }
    }

    [Fact]
    public async Task Without_a_cgroup_the_watchdog_holds_the_processes_of_a_check_to_one_limit()
    {
        var problem = SandboxFixture.AssertProblem("assert add(2, 3) == 5", "add", timeoutSeconds: 40);
        foreach (var warm in new[] { true, false })
        {
            using var verifier = new CodeVerifier(new CodeVerifierOptions { WarmSandboxes = warm, MemoryMb = 512, MemoryCgroup = false, SandboxUid = SandboxProcesses.Uid });
            var verdict = await verifier.CheckProgramAsync(problem, ChildrenTogether, CancellationToken.None);
            Assert.True(verdict.Kind == VerdictKinds.Memory, $"warm={warm}: {verdict.Kind} {verdict.Reason}");
            // Only the check's namespace was killed: the warm slot (or the next fresh jail) serves the next check.
            Assert.True((await verifier.CheckProgramAsync(AddProblem, Add, CancellationToken.None)).Accepted);
        }
        var leftovers = await SandboxProcesses.AfterGraceAsync(TimeSpan.FromSeconds(5));
        Assert.True(leftovers.Count == 0, "processes left behind: " + string.Join(", ", leftovers));
    }

    [Fact]
    public async Task Without_a_cgroup_each_process_is_limited_and_memfd_is_denied()
    {
        using var verifier = new CodeVerifier(new CodeVerifierOptions { MemoryCgroup = false, MemoryMb = 256, TimeoutSeconds = 20 });
        var big = await verifier.CheckProgramAsync(AddProblem, "def add(a, b):\n    x = bytearray(300 << 20)\n    return a + b\n", CancellationToken.None);
        Assert.Equal(VerdictKinds.Memory, big.Kind);
        const string Memfd = """
            import os
            def add(a, b):
                try:
                    os.memfd_create("x")
                    return a + b
                except OSError:
                    return None
            """;
        Assert.Equal(VerdictKinds.Failed, (await verifier.CheckProgramAsync(AddProblem, Memfd, CancellationToken.None)).Kind);
        Assert.True((await verifier.CheckProgramAsync(AddProblem, "def add(a, b):\n    x = bytearray(150 << 20)\n    return a + b\n", CancellationToken.None)).Accepted);
    }

#pragma warning disable SYSLIB1054 // plain int signatures: no marshalling to generate
    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int Dup2(int oldFd, int newFd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
#pragma warning restore SYSLIB1054
}
