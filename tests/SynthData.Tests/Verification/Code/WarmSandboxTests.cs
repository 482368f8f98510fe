using System.Diagnostics;
using System.Text.Json.Nodes;
using SynthData.Problems;
using SynthData.Verification;
using SynthData.Verification.Code;

namespace SynthData.Tests.Verification.Code;

/// <summary>
/// What a warm sandbox shares between the checks of one slot (the jail and its zygote) must be out of every
/// program's reach. One slot here, so every check runs in the same warm sandbox. As in the hostile suite, programs
/// are written to pass exactly when the attack works.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class WarmSandboxTests : IDisposable
{
    private readonly CodeVerifier _verifier = new(new CodeVerifierOptions { TimeoutSeconds = 3, MaxParallelChecks = 1, SandboxUid = SandboxProcesses.Uid });

    private const string Benign = "def add(a, b):\n    return a + b\n";

    private const string VisiblePids = """
        import ctypes, os
        libc = ctypes.CDLL(None, use_errno=True)
        def visible():
            found = []
            for pid in range(1, 1 << 15):
                try:
                    os.kill(pid, 0)
                    found.append(pid)
                except ProcessLookupError:
                    pass
                except PermissionError:
                    found.append(pid)
            return found

        """;

    [Fact]
    public async Task Programs_cannot_see_trace_or_kill_the_zygote()
    {
        await AssertJudgedAsync(Benign, pass: true);
        var zygote = _verifier.WarmSandboxProcessIds();
        Assert.Equal(3, zygote.Count); // outer bubblewrap, its namespace init, the zygote

        // Control: the probe does see the processes of its own check (namespace init, harness, itself).
        await AssertJudgedAsync(VisiblePids + "pids = visible()\ndef add(a, b):\n    return a + b if os.getpid() in pids and 1 in pids else None\n", pass: true);
        await AssertJudgedAsync(VisiblePids + "pids = visible()\ndef add(a, b):\n    return a + b if len(pids) > 3 else None\n", pass: false);
        await AssertJudgedAsync(VisiblePids + """
            traced = [p for p in visible() if p != os.getpid() and libc.ptrace(16, p, 0, 0) == 0]
            def add(a, b):
                return a + b if traced else None
            """, pass: false);
        await AssertJudgedAsync(VisiblePids + """
            for pid in visible():
                if pid != os.getpid():
                    os.kill(pid, 9)
            os.kill(-1, 9)
            def add(a, b):
                return a + b
            """, pass: false);

        await AssertJudgedAsync(Benign, pass: true);
        Assert.Equal(zygote, _verifier.WarmSandboxProcessIds());
    }

    [Fact]
    public async Task Programs_cannot_unshare_mount_or_use_capabilities_or_keyrings()
    {
        const string Probe = """
            import ctypes, os, socket
            libc = ctypes.CDLL(None, use_errno=True)
            libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
            caps = (ctypes.c_uint32 * 6)()
            header = (ctypes.c_uint32 * 2)(0x20080522, 0)
            capget_ok = libc.capget(header, caps) == 0
            escapes = [name for name, ok in [
                ("unshare mount", libc.unshare(0x00020000) == 0),
                ("unshare user", libc.unshare(0x10000000) == 0),
                ("unshare pid", libc.unshare(0x20000000) == 0),
                ("unshare net", libc.unshare(0x40000000) == 0),
                ("mount tmpfs", libc.mount(b"tmpfs", b"/tmp", b"tmpfs", 0, None) == 0),
                ("remount / rw", libc.mount(None, b"/", None, 32 | 4096, None) == 0),
                ("remount /dev rw", libc.mount(None, b"/dev", None, 32 | 4096, None) == 0),
                ("umount /tmp", libc.umount2(b"/tmp", 2) == 0),
                ("chroot", libc.chroot(b"/tmp") == 0),
                ("setuid 0", libc.setuid(0) == 0),
                ("sethostname", libc.sethostname(b"x", 1) == 0),
                ("capabilities held", any(caps)),
                ("CAP_SYS_ADMIN in the bounding set", libc.prctl(23, 21, 0, 0, 0) == 1),
                ("no_new_privs unset", libc.prctl(39, 0, 0, 0, 0) != 1),
                # Keyrings outlive a check (they belong to the slot's user namespace): add_key must be refused.
                ("add_key", libc.syscall({"x86_64": 248, "aarch64": 217}[os.uname().machine], b"user", b"leak", b"x", 1, -4) >= 0),
            ] if ok]
            for path in ("/usr/escape", "/dev/escape", "/harness/escape"):
                try:
                    open(path, "w").close()
                    escapes.append("write " + path)
                except OSError:
                    pass
            try:
                socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
                escapes.append("raw socket")
            except OSError:
                pass
            """;
        await AssertJudgedAsync(Probe + "\ndef add(a, b):\n    return a + b if capget_ok else None\n", pass: true);
        var verdict = await _verifier.CheckProgramAsync(
            SandboxFixture.FunctionProblem("found", new FunctionTest([], new JsonArray())), Probe + "\ndef found():\n    return escapes\n", CancellationToken.None);
        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public async Task A_daemon_left_by_one_check_is_gone_in_the_next_check_of_the_slot()
    {
        const string StartDaemon = """
            import os, socket
            NAME = b"\0synthdata-daemon-probe"
            def start():
                ready_r, ready_w = os.pipe()
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        server = socket.socket(socket.AF_UNIX)
                        server.bind(NAME)
                        server.listen(8)
                        for path in ("/tmp/daemon-was-here", "/dev/shm/daemon-was-here"):
                            try:
                                open(path, "w").close()
                            except OSError:
                                pass
                        os.write(ready_w, b"1")
                        while True:
                            server.accept()[0].close()
                    os._exit(0)
                os.read(ready_r, 1)
                client = socket.socket(socket.AF_UNIX)
                client.connect(NAME)
                return os.path.exists("/tmp/daemon-was-here")
            """;
        const string LookForDaemon = """
            import os, socket
            def look():
                found = [p for p in ("/tmp/daemon-was-here", "/dev/shm/daemon-was-here") if os.path.exists(p)]
                try:
                    socket.socket(socket.AF_UNIX).connect(b"\0synthdata-daemon-probe")
                    found.append("the daemon answers")
                except OSError:
                    pass
                return found
            """;
        var started = await _verifier.CheckProgramAsync(
            SandboxFixture.FunctionProblem("start", new FunctionTest([], JsonValue.Create(true))), StartDaemon, CancellationToken.None);
        Assert.True(started.Accepted, "the daemon should run during its own check: " + started.Reason);
        var zygote = _verifier.WarmSandboxProcessIds();

        var next = await _verifier.CheckProgramAsync(
            SandboxFixture.FunctionProblem("look", new FunctionTest([], new JsonArray())), LookForDaemon, CancellationToken.None);

        Assert.True(next.Accepted, next.Reason);
        Assert.Equal(zygote, _verifier.WarmSandboxProcessIds());
        var leftovers = await SandboxProcesses.AfterGraceAsync(TimeSpan.FromSeconds(3));
        Assert.True(leftovers.Count == 0, "processes left behind: " + string.Join(", ", leftovers));
    }

    [Fact]
    public async Task A_dead_zygote_is_replaced()
    {
        await AssertJudgedAsync(Benign, pass: true);
        var before = _verifier.WarmSandboxProcessIds();
        using (var zygote = Process.GetProcessById(before[^1]))
        {
            zygote.Kill();
            await zygote.WaitForExitAsync();
        }

        await AssertJudgedAsync(Benign, pass: true); // in a fresh jail while the broken warm sandbox is discarded
        await AssertJudgedAsync(Benign, pass: true);
        var after = _verifier.WarmSandboxProcessIds();
        Assert.Equal(3, after.Count);
        Assert.Empty(after.Intersect(before));
    }

    [Fact]
    public async Task Disposing_the_verifier_ends_its_warm_sandboxes()
    {
        var verifier = new CodeVerifier(new CodeVerifierOptions { TimeoutSeconds = 3, MaxParallelChecks = 2 });
        var problem = SandboxFixture.AssertProblem("assert add(2, 3) == 5", "add");
        var verdicts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => verifier.CheckProgramAsync(problem, Benign, CancellationToken.None)));
        Assert.All(verdicts, v => Assert.True(v.Accepted, v.Reason));
        var warm = verifier.WarmSandboxProcessIds();
        Assert.InRange(warm.Count, 3, 6);

        verifier.Dispose();

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (warm.Any(Running) && DateTime.UtcNow < until)
            await Task.Delay(50);
        Assert.DoesNotContain(warm, Running);
    }

    private static bool Running(int pid)
    {
        try
        {
            return !File.ReadAllLines($"/proc/{pid}/status").Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task AssertJudgedAsync(string program, bool pass)
    {
        var verdict = await _verifier.CheckProgramAsync(
            SandboxFixture.AssertProblem("assert add(2, 3) == 5", "add"), program, CancellationToken.None);
        Assert.True(verdict.Accepted == pass && verdict.Kind != VerdictKinds.Error, $"{verdict.Kind}: {verdict.Reason}\n{program}");
    }

    public void Dispose() => _verifier.Dispose();
}
