using SynthData.Problems;
using SynthData.Verification;
using SynthData.Verification.Code;

namespace SynthData.Tests.Verification.Code;

/// <summary>
/// verification.code.python_path outside /usr (issue 10, "any Python"): a venv made in a private temporary directory
/// (mode 0700, as CreateTempSubdirectory makes it: the sandbox uid cannot traverse it, like pyenv under /root), and
/// this machine's pyenv when there is one. The jail shows the installation read-only at its real path.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class InterpreterOutsideUsrTests
{
    // HumanEval's shape: check(candidate) with asserts, the entry point handed in by the harness.
    private static readonly Problem HumanEvalStyle = new()
    {
        Id = "he-style", Domain = ProblemDomain.Code, Prompt = string.Empty, EntryPoint = "below_zero",
        Tests = "METADATA = {}\n\ndef check(candidate):\n    assert candidate([]) == False\n    assert candidate([1, 2, -4, 5]) == True\n    assert candidate([1, -1, 2]) == False\n",
        Source = ProblemOrigin.Dataset("test", 1),
        Metadata = new System.Text.Json.Nodes.JsonObject { ["timeout_s"] = 20 },
    };

    // Runs under the configured interpreter (never /usr's own) and needs its standard library.
    private const string Solution = """
        import sys, json, collections, itertools
        from typing import List
        def below_zero(operations: List[int]) -> bool:
            if sys.executable.startswith('/usr/'):
                return None
            balance = 0
            for op in itertools.chain(operations):
                balance += op
                if balance < 0:
                    return True
            return False
        """;

    /// <summary>A venv of /usr/bin/python3 inside a fresh 0700 temporary directory; its bin/python links out of it.</summary>
    private static string MakeVenv(string scratch)
    {
        var venv = Path.Combine(scratch, "venv");
        using var make = System.Diagnostics.Process.Start("/usr/bin/python3", ["-m", "venv", "--without-pip", venv]);
        make.WaitForExit();
        Assert.True(make.ExitCode == 0, "python3 -m venv failed (is python3-venv installed?)");
        return Path.Combine(venv, "bin", "python");
    }

    private static async Task AssertWorksOnBothPaths(string python)
    {
        foreach (var warm in new[] { true, false })
        {
            using var verifier = new CodeVerifier(new CodeVerifierOptions { PythonPath = python, WarmSandboxes = warm, TimeoutSeconds = 20 });
            await verifier.EnsureSandboxWorksAsync(CancellationToken.None);
            var good = await verifier.CheckProgramAsync(HumanEvalStyle, Solution, CancellationToken.None);
            Assert.True(good.Accepted, $"{python}, warm={warm}: {good.Kind} {good.Reason}");
            var wrong = await verifier.CheckProgramAsync(HumanEvalStyle, Solution.Replace("return True", "return False", StringComparison.Ordinal), CancellationToken.None);
            Assert.False(wrong.Accepted, $"{python}, warm={warm}: a wrong solution passed");
        }
    }

    [Fact]
    public async Task A_venv_in_a_private_directory_works_on_both_paths()
    {
        var scratch = Directory.CreateTempSubdirectory("synthdata-venv-").FullName;
        try
        {
            await AssertWorksOnBothPaths(MakeVenv(scratch));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public async Task This_machines_pyenv_works_through_its_shim_and_its_real_path()
    {
        const string Shim = "/root/.pyenv/shims/python3";
        if (!File.Exists(Shim))
        {
            Console.WriteLine("no pyenv on this machine: the venv test covers an interpreter outside /usr");
            return;
        }
        await AssertWorksOnBothPaths(Shim);
    }

    [Fact]
    public async Task A_hostile_program_cannot_write_into_the_installation()
    {
        var scratch = Directory.CreateTempSubdirectory("synthdata-venv-").FullName;
        try
        {
            var python = MakeVenv(scratch);
            var venv = Path.GetDirectoryName(Path.GetDirectoryName(python))!;
            string[] Listing() => [.. Directory.EnumerateFileSystemEntries(venv, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
            var before = Listing();
            var config = File.ReadAllText(Path.Combine(venv, "pyvenv.cfg"));
            var program = $$"""
                import os, sys
                VENV = {{System.Text.Json.JsonSerializer.Serialize(venv)}}
                def attempt(fn):
                    try:
                        fn()
                    except BaseException:
                        pass
                def below_zero(operations):
                    for d in (VENV, VENV + '/bin', VENV + '/lib', sys.prefix, sys.base_prefix, os.path.dirname(os.__file__)):
                        attempt(lambda: open(d + '/planted.py', 'w').write('x = 1'))
                        attempt(lambda: os.mkdir(d + '/planted'))
                        attempt(lambda: os.chmod(d, 0o777))
                    attempt(lambda: open(VENV + '/pyvenv.cfg', 'a').write('include-system-site-packages = true'))
                    attempt(lambda: os.symlink('/tmp', VENV + '/planted-link'))
                    attempt(lambda: os.rename(VENV + '/bin/python', VENV + '/bin/python.old'))
                    balance = 0
                    for op in operations:
                        balance += op
                        if balance < 0:
                            return True
                    return False
                """;
            foreach (var warm in new[] { true, false })
            {
                using var verifier = new CodeVerifier(new CodeVerifierOptions { PythonPath = python, WarmSandboxes = warm, TimeoutSeconds = 20 });
                var verdict = await verifier.CheckProgramAsync(HumanEvalStyle, program, CancellationToken.None);
                Assert.True(verdict.Accepted, $"warm={warm}: {verdict.Kind} {verdict.Reason}");
                Assert.Equal(before, Listing());
                Assert.Equal(config, File.ReadAllText(Path.Combine(venv, "pyvenv.cfg")));
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public async Task An_installation_the_sandbox_uid_may_not_read_is_named_with_the_real_cause()
    {
        if (!Environment.IsPrivilegedProcess || !OperatingSystem.IsLinux())
            return; // only root can make an installation another uid cannot read while this process still runs it
        var scratch = Directory.CreateTempSubdirectory("synthdata-venv-").FullName;
        try
        {
            var python = MakeVenv(scratch);
            var venv = Path.GetDirectoryName(Path.GetDirectoryName(python))!;
            File.SetUnixFileMode(venv, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            using var verifier = new CodeVerifier(new CodeVerifierOptions { PythonPath = python, TimeoutSeconds = 20 });
            var e = await Assert.ThrowsAsync<SandboxUnavailableException>(() => verifier.EnsureSandboxWorksAsync(CancellationToken.None));
            Assert.Contains(venv, e.Message);
            Assert.Contains("uid 65534", e.Message);
            Assert.Contains("python_path", e.Message);
            Assert.DoesNotContain("bubblewrap", e.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
