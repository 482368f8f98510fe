using System.Text.Json.Nodes;
using SynthData.Problems;
using SynthData.Verification;

namespace SynthData.Tests.Verification.Code;

/// <summary>Code verdicts score the fraction of test cases passed, in the real sandbox.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PartialCreditTests(SandboxFixture sandbox)
{
    private static readonly Problem Squares = SandboxFixture.FunctionProblem("sq",
        new FunctionTest(new JsonArray(1), JsonValue.Create(1)),
        new FunctionTest(new JsonArray(2), JsonValue.Create(4)),
        new FunctionTest(new JsonArray(3), JsonValue.Create(9)),
        new FunctionTest(new JsonArray(4), JsonValue.Create(16)));

    private static readonly Problem Doubling = SandboxFixture.IoProblem(
        new IoTest("1\n", "2\n"), new IoTest("2\n", "4\n"), new IoTest("3\n", "6\n"), new IoTest("4\n", "8\n"));

    private Task<Verdict> Check(Problem problem, string program) =>
        sandbox.Verifier.CheckProgramAsync(problem, program, CancellationToken.None);

    [Fact]
    public async Task Function_tests_count_every_case_past_the_first_failure()
    {
        // Case 1 is wrong and case 2 raises, but the cases after them still run and count.
        var verdict = await Check(Squares, "def sq(x):\n    if x == 2:\n        return 5\n    return x * x\n");
        Assert.False(verdict.Accepted);
        Assert.Equal(0.75, verdict.Score);
        Assert.Equal(3, verdict.Details!["cases_passed"]!.GetValue<int>());
        Assert.Equal(4, verdict.Details!["cases_total"]!.GetValue<int>());
        Assert.Contains("test 1", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("3 of 4 tests passed", verdict.Reason, StringComparison.Ordinal);

        var raising = await Check(Squares, "def sq(x):\n    if x in (1, 3):\n        raise ValueError('no')\n    return x * x\n");
        Assert.Equal(0.5, raising.Score);
        Assert.Contains("test 0", raising.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passing_scores_one_and_all_wrong_scores_zero()
    {
        var good = await Check(Squares, "def sq(x):\n    return x * x\n");
        Assert.True(good.Accepted, good.Reason);
        Assert.Equal(1.0, good.Score);
        var wrong = await Check(Squares, "def sq(x):\n    return -1\n");
        Assert.Equal(0.0, wrong.Score);
        var missing = await Check(Squares, "def other(x):\n    return x * x\n");
        Assert.Equal(0.0, missing.Score);
        var noCode = await sandbox.Verifier.VerifyAsync(Squares, "I don't know.", CancellationToken.None);
        Assert.Equal(0.0, noCode.Score);
    }

    [Fact]
    public async Task A_timeout_fails_the_cases_it_cut_off()
    {
        var problem = Squares with { Metadata = new JsonObject { ["timeout_s"] = 1.0 } };
        var verdict = await Check(problem, "import time\ndef sq(x):\n    if x == 3:\n        time.sleep(60)\n    return x * x\n");
        Assert.Equal(VerdictKinds.Timeout, verdict.Kind);
        Assert.Equal(0.5, verdict.Score); // cases 0 and 1 answered before the hang; 2 and 3 never ran
    }

    [Fact]
    public async Task A_program_that_dies_fails_the_calls_it_never_answered()
    {
        var verdict = await Check(Squares, "import os\ndef sq(x):\n    if x == 4:\n        os._exit(0)\n    return x * x\n");
        Assert.False(verdict.Accepted);
        Assert.Equal(0.75, verdict.Score);
    }

    [Fact]
    public async Task Stdin_tests_count_every_case()
    {
        var verdict = await Check(Doubling, "n = int(input())\nprint(n * 2 if n != 3 else 7)\n");
        Assert.Equal(VerdictKinds.Failed, verdict.Kind);
        Assert.Equal(0.75, verdict.Score);
        Assert.Contains("test 2", verdict.Reason, StringComparison.Ordinal);

        var crashing = await Check(Doubling, "n = int(input())\nassert n % 2 == 0\nprint(n * 2)\n");
        Assert.Equal(0.5, crashing.Score);

        var good = await Check(Doubling, "print(int(input()) * 2)\n");
        Assert.Equal(1.0, good.Score);
    }

    [Fact]
    public async Task A_stdin_timeout_ends_the_check_and_fails_the_rest()
    {
        var problem = Doubling with { Metadata = new JsonObject { ["timeout_s"] = 1.0 } };
        var verdict = await Check(problem, "import time\nn = int(input())\nif n == 2:\n    time.sleep(60)\nprint(n * 2)\n");
        Assert.Equal(VerdictKinds.Timeout, verdict.Kind);
        Assert.Equal(0.25, verdict.Score);
    }

    [Fact]
    public async Task Stdin_float_tolerance_comes_from_the_problem()
    {
        var problem = SandboxFixture.IoProblem(new IoTest("2\n", "1.41421356\n"), new IoTest("9\n", "3.0\n"));
        const string program = "print(int(input()) ** 0.5)\n"; // prints 1.4142135623730951 and 3.0
        var strict = await Check(problem, program);
        Assert.False(strict.Accepted);
        Assert.Equal(0.5, strict.Score);
        var tolerant = await Check(problem with { Metadata = new JsonObject { ["float_tolerance"] = 1e-6 } }, program);
        Assert.True(tolerant.Accepted, tolerant.Reason);
        var tooTight = await Check(problem with { Metadata = new JsonObject { ["float_tolerance"] = 1e-12 } }, program);
        Assert.False(tooTight.Accepted);
    }

    [Fact]
    public async Task Assert_tests_score_per_top_level_assert()
    {
        var problem = SandboxFixture.AssertProblem("assert f(1) == 1\nassert f(2) == 4\nassert f(3) == 9\nassert f(0) == 0\n", timeoutSeconds: 20);
        Assert.Equal(1.0, (await Check(problem, "def f(x):\n    return x * x\n")).Score);
        var three = await Check(problem, "def f(x):\n    return 4 if x == 2 else x * x if x != 3 else 0\n");
        Assert.False(three.Accepted);
        Assert.Equal(0.75, three.Score);
        Assert.Equal(3, three.Details?["cases_passed"]?.GetValue<int>());
        Assert.Equal(4, three.Details?["cases_total"]?.GetValue<int>());
        Assert.Equal(0.5, (await Check(problem, "def f(x):\n    return x\n")).Score);
    }

    [Fact]
    public async Task HumanEval_check_functions_score_per_assert_in_check()
    {
        var problem = SandboxFixture.AssertProblem(
            "def check(candidate):\n    assert candidate(1) == 1\n    assert candidate(2) == 4\n    assert candidate(3) == 9\n    assert candidate(0) == 0\n", "f", timeoutSeconds: 20);
        var three = await Check(problem, "def f(x):\n    return 0 if x == 3 else x * x\n");
        Assert.False(three.Accepted);
        Assert.Equal(0.75, three.Score);
    }

    [Fact]
    public async Task A_program_that_raises_scores_the_asserts_it_passed()
    {
        var problem = SandboxFixture.AssertProblem("assert f(1) == 1\nassert f(2) == 4\nassert f(3) == 9\nassert f(0) == 0\n", timeoutSeconds: 20);
        var raises = await Check(problem, "def f(x):\n    if x == 0:\n        raise StopIteration\n    return x * x\n");
        Assert.False(raises.Accepted);
        Assert.Equal(0.75, raises.Score);
    }
}
