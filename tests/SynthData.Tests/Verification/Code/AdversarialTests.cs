using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SynthData.Problems;
using SynthData.Verification;
using SynthData.Verification.Code;

namespace SynthData.Tests.Verification.Code;

/// <summary>The hostile suite against warm sandboxes (the default path).</summary>
[Collection(SandboxCollection.Name)]
public sealed class AdversarialTests(SandboxFixture sandbox) : AdversarialSuite(sandbox.Verifier);

/// <summary>The same suite against a fresh jail per check: the reference implementation and the fallback path.</summary>
[Collection(SandboxCollection.Name)]
public sealed class FreshSandboxAdversarialTests(FreshSandboxFixture sandbox) : AdversarialSuite(sandbox.Verifier), IClassFixture<FreshSandboxFixture>;

public abstract class AdversarialSuite(CodeVerifier verifier)
{
    private static Problem AddProblem(int timeoutSeconds = 4) => SandboxFixture.AssertProblem(AdversarialPrograms.AssertTests, "add", timeoutSeconds);

    /// <summary>
    /// Programs that must reach the memory cap before the clock: touching 512 MB takes about 2 s on an idle VM of this
    /// kind (first-touch page faults) and several times that with 30 checks at once, so they get time enough that only
    /// the memory limit can end them.
    /// </summary>
    private static Problem ProblemFor(string name) => AddProblem(name.StartsWith("memory-", StringComparison.Ordinal) ? 30 : 4);

    [Fact]
    public async Task Hostile_programs_are_judged_fail_and_leave_no_process_behind()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Environment.SetEnvironmentVariable(AdversarialPrograms.EnvSecretName, "hunter2");
        var cases = AdversarialPrograms.MustFail(((IPEndPoint)listener.LocalEndpoint).Port).ToList();
        Assert.True(cases.Count >= 30);

        var verdicts = await Task.WhenAll(cases.Select(c => verifier.CheckProgramAsync(ProblemFor(c.Name), c.Program, CancellationToken.None)));

        var wrong = cases.Zip(verdicts)
            .Where(p => p.Second.Accepted || p.Second.Kind == VerdictKinds.Error || (p.First.Kind is { } k && p.Second.Kind != k))
            .Select(p => $"{p.First.Name}: expected {p.First.Kind ?? "a rejection"}, got {p.Second.Kind} ({p.Second.Reason})")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        var leftovers = await SandboxProcesses.AfterGraceAsync(TimeSpan.FromSeconds(3));
        Assert.True(leftovers.Count == 0, "processes left behind: " + string.Join(", ", leftovers));
    }

    [Fact]
    public async Task Benign_programs_pass()
    {
        var controls = AdversarialPrograms.BenignControls().ToList();
        // Benign programs end on their own: a generous limit keeps this about correctness, not the machine's load.
        var verdicts = await Task.WhenAll(controls.Select(c => verifier.CheckProgramAsync(AddProblem(30), c.Program, CancellationToken.None)));
        var wrong = controls.Zip(verdicts).Where(p => !p.Second.Accepted).Select(p => $"{p.First.Name}: {p.Second.Kind} {p.Second.Reason}").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task Nothing_leaks_from_one_check_into_the_next()
    {
        const string Writer = """
            import os
            for path in ("/tmp/leak", "/dev/shm/leak", "/tmp/sitecustomize.py"):
                try:
                    with open(path, "w") as f:
                        f.write("x")
                except OSError:
                    pass
            def add(a, b):
                return None
            """;
        const string Probe = """
            import os
            def add(a, b):
                leaked = any(os.path.exists(p) for p in ("/tmp/leak", "/dev/shm/leak", "/tmp/sitecustomize.py"))
                return a + b if leaked else None
            """;
        Assert.False((await verifier.CheckProgramAsync(AddProblem(), Writer, CancellationToken.None)).Accepted);
        var probe = await verifier.CheckProgramAsync(AddProblem(), Probe, CancellationToken.None);
        Assert.Equal(VerdictKinds.Failed, probe.Kind);
    }

    [Fact]
    public async Task Programs_can_start_as_many_processes_as_in_a_fresh_jail()
    {
        const string Program = """
            import os, time
            def headroom():
                children = []
                try:
                    while len(children) < 500:
                        pid = os.fork()
                        if pid == 0:
                            time.sleep(30)
                            os._exit(0)
                        children.append(pid)
                except OSError:
                    pass
                for pid in children:
                    os.kill(pid, 9)
                    os.waitpid(pid, 0)
                return len(children)
            """;
        // A fresh jail holds bubblewrap's init, the harness and the program: the rest of RLIMIT_NPROC is the program's.
        var expected = verifier.Options.MaxProcesses - 3;
        var verdict = await verifier.CheckProgramAsync(
            SandboxFixture.FunctionProblem("headroom", new FunctionTest([], JsonValue.Create(expected))), Program, CancellationToken.None);
        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public async Task Data_driven_results_are_compared_by_type()
    {
        var problem = SandboxFixture.FunctionProblem("f",
            new FunctionTest(new JsonArray(1), JsonValue.Create(1)),
            new FunctionTest(new JsonArray(0), JsonValue.Create(0)),
            new FunctionTest(new JsonArray(JsonNode.Parse("2.5")), JsonNode.Parse("2.5")),
            new FunctionTest(new JsonArray("a"), JsonValue.Create("a")),
            new FunctionTest(new JsonArray(new JsonArray(1, 2)), new JsonArray(1, 2)));
        (string Name, string Program, bool Pass)[] cases =
        [
            ("identity", "def f(x):\n    return x\n", true),
            ("bool-for-int", "def f(x):\n    return bool(x) if type(x) is int and x in (0, 1) else x\n", false),
            ("float-for-int", "def f(x):\n    return float(x) if type(x) is int else x\n", false),
            ("tuple-for-list", "def f(x):\n    return tuple(x) if type(x) is list else x\n", false),
            ("str-for-int", "def f(x):\n    return str(x) if type(x) is int else x\n", false),
            ("always-equal", "class A:\n    def __eq__(self, o): return True\ndef f(x):\n    return A()\n", false),
            ("int-subclass", "class L(int):\n    def __eq__(self, o): return True\ndef f(x):\n    return L(7) if type(x) is int else x\n", false),
            ("fake-result-lines", "import os\nfor fd in range(1, 40):\n    try: os.write(fd, b'R 0 ok [\"int\",\"1\"]\\n')\n    except OSError: pass\ndef f(x):\n    return None\n", false),
        ];
        await AssertJudgedAsync(problem, cases);
    }

    [Fact]
    public async Task Stdout_must_match_exactly_up_to_trailing_whitespace()
    {
        var problem = SandboxFixture.IoProblem(new IoTest("3 4\n", "Sum: 7\nParity: Odd\n"));
        (string Name, string Program, bool Pass)[] cases =
        [
            ("correct", "a, b = map(int, input().split())\nprint('Sum:', a + b)\nprint('Parity:', 'Odd' if (a + b) % 2 else 'Even')\n", true),
            ("trailing-space-and-crlf", "print('Sum: 7  \\r')\nprint('Parity: Odd')\nprint()\n", true),
            ("case-folded", "print('sum: 7')\nprint('parity: odd')\n", false),
            ("truncated", "print('Sum: 7')\n", false),
            ("extra-line", "print('Sum: 7')\nprint('Parity: Odd')\nprint('bonus')\n", false),
            ("permuted-tokens", "print('7 Sum:')\nprint('Odd Parity:')\n", false),
            ("leading-space", "print(' Sum: 7')\nprint('Parity: Odd')\n", false),
            ("read-expected-file", "import os\nfor p in ('expected_output.txt', '/tmp/expected', 'correct_output.txt'):\n    if os.path.exists(p):\n        print(open(p).read())\n", false),
            ("crash-after-output", "print('Sum: 7')\nprint('Parity: Odd', flush=True)\nraise ValueError('late')\n", false),
        ];
        await AssertJudgedAsync(problem, cases);
    }

    private async Task AssertJudgedAsync(Problem problem, (string Name, string Program, bool Pass)[] cases)
    {
        var verdicts = await Task.WhenAll(cases.Select(c => verifier.CheckProgramAsync(problem, c.Program, CancellationToken.None)));
        var wrong = cases.Zip(verdicts).Where(p => p.Second.Accepted != p.First.Pass || p.Second.Kind == VerdictKinds.Error)
            .Select(p => $"{p.First.Name}: {p.Second.Kind} {p.Second.Reason}").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }
}
