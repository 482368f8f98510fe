using System.Text.Json.Nodes;
using SynthData.Problems;
using SynthData.Verification;

namespace SynthData.Tests.Verification.Code;

[Collection(SandboxCollection.Name)]
public sealed class CodeVerifierTests(SandboxFixture sandbox)
{
    private const string HumanEvalStyleTests = """
        def check(candidate):
            assert candidate(2, 3) == 5
            assert candidate(-1, 1) == 0
        """;

    [Fact]
    public async Task Correct_program_passes_assert_tests()
    {
        var verdict = await sandbox.Verifier.VerifyAsync(
            SandboxFixture.AssertProblem(HumanEvalStyleTests, "add"),
            "Sure.\n```python\ndef add(a, b):\n    return a + b\n```\n", CancellationToken.None);
        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Equal(VerdictKinds.Passed, verdict.Kind);
    }

    [Fact]
    public async Task Wrong_program_fails_with_the_failing_assert()
    {
        var verdict = await sandbox.Verifier.CheckProgramAsync(
            SandboxFixture.AssertProblem(HumanEvalStyleTests, "add"), "def add(a, b):\n    return a - b\n", CancellationToken.None);
        Assert.Equal(VerdictKinds.Failed, verdict.Kind);
        Assert.Contains("assert candidate(2, 3) == 5", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("def f(l):\n    l.append(1)\n", "x = []\nf(x)\nassert x == [1]\n", true)]
    [InlineData("def f(l):\n    return l + [1]\n", "x = []\nassert f(x) == [1]\nassert x == []\n", true)]
    [InlineData("def f(d):\n    d['k'] = 2\n", "d = {}\nf(d)\nassert d == {'k': 2}\n", true)]
    [InlineData("def f(l):\n    pass\n", "x = []\nf(x)\nassert x == [1]\n", false)]
    public async Task In_place_changes_to_arguments_reach_the_tests(string program, string tests, bool passes)
    {
        var verdict = await sandbox.Verifier.CheckProgramAsync(SandboxFixture.AssertProblem(tests, null), program, CancellationToken.None);
        Assert.True(passes == verdict.Accepted, verdict.Reason);
    }

    [Theory]
    [InlineData("R = 3\nC = [1, 2]\ndef f():\n    return R\n", "assert f() == R == 3\nassert C == [1, 2]\n", true)]
    [InlineData("len = 5\ndef f():\n    return 1\n", "assert len([1, 2]) == 2\nassert f() == 1\n", true)] // data never shadows builtins
    [InlineData("x = 2\n", "assert x == 1\n", false)]
    public async Task Module_level_data_is_visible_to_the_tests_as_copies(string program, string tests, bool passes)
    {
        var verdict = await sandbox.Verifier.CheckProgramAsync(SandboxFixture.AssertProblem(tests, null), program, CancellationToken.None);
        Assert.True(passes == verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public async Task Response_without_code_block_is_no_code()
    {
        var verdict = await sandbox.Verifier.VerifyAsync(
            SandboxFixture.AssertProblem(HumanEvalStyleTests, "add"), "<think>```python\nx=1\n```</think>I cannot.", CancellationToken.None);
        Assert.Equal(VerdictKinds.NoCode, verdict.Kind);
    }

    [Fact]
    public async Task Function_tests_are_compared_by_type_outside_the_sandbox()
    {
        var problem = SandboxFixture.FunctionProblem("f",
            new FunctionTest(new JsonArray(1), JsonValue.Create(2)),
            new FunctionTest(new JsonArray("a"), JsonValue.Create("aa")));
        var good = await sandbox.Verifier.CheckProgramAsync(problem, "def f(x):\n    return x * 2\n", CancellationToken.None);
        Assert.True(good.Accepted, good.Reason);

        var boolForInt = SandboxFixture.FunctionProblem("f", new FunctionTest(new JsonArray(0), JsonValue.Create(1)));
        var bad = await sandbox.Verifier.CheckProgramAsync(boolForInt, "def f(x):\n    return True\n", CancellationToken.None);
        Assert.Equal(VerdictKinds.Failed, bad.Kind);
        Assert.Contains("returned True, expected 1", bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Io_tests_compare_stdout_strictly()
    {
        var problem = SandboxFixture.IoProblem(new IoTest("3 4\n", "7\n"), new IoTest("10 -2\n", "8"));
        var good = await sandbox.Verifier.CheckProgramAsync(problem, "a, b = map(int, input().split())\nprint(a + b)  \n", CancellationToken.None);
        Assert.True(good.Accepted, good.Reason);
        var bad = await sandbox.Verifier.CheckProgramAsync(problem, "a, b = map(int, input().split())\nprint(a + b, 'x')\n", CancellationToken.None);
        Assert.Equal(VerdictKinds.Failed, bad.Kind);
    }
}
