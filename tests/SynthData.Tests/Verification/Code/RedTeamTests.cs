using SynthData.Verification;
using SynthData.Verification.Code;

namespace SynthData.Tests.Verification.Code;

/// <summary>The red-team folder against warm sandboxes (the default path).</summary>
[Collection(SandboxCollection.Name)]
public sealed class RedTeamWarmTests(SandboxFixture sandbox) : RedTeamSuite(sandbox.Verifier);

/// <summary>The red-team folder against a fresh jail per check.</summary>
[Collection(SandboxCollection.Name)]
public sealed class RedTeamFreshTests(FreshSandboxFixture sandbox) : RedTeamSuite(sandbox.Verifier), IClassFixture<FreshSandboxFixture>;

public abstract class RedTeamSuite(CodeVerifier verifier)
{
    [Fact]
    public void The_suite_has_at_least_80_hostile_programs_and_controls()
    {
        var cases = RedTeamCase.Load();
        Assert.True(cases.Count(c => c.Expect != "pass") >= 80, $"{cases.Count(c => c.Expect != "pass")} hostile programs");
        Assert.True(cases.Count(c => c.Expect == "pass") >= 10);
    }

    [Fact]
    public async Task Every_hostile_program_fails_every_control_passes_and_nothing_is_left_behind()
    {
        var cases = RedTeamCase.Load();
        var verdicts = await Task.WhenAll(cases.Select(c => verifier.CheckProgramAsync(c.Problem, c.Program, CancellationToken.None)));

        var wrong = cases.Zip(verdicts).Where(p => !AsExpected(p.First.Expect, p.Second))
            .Select(p => $"{p.First.Class}/{p.First.Name}: expected {p.First.Expect}, got {p.Second.Kind} ({p.Second.Reason})")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        var leftovers = await SandboxProcesses.AfterGraceAsync(TimeSpan.FromSeconds(5));
        Assert.True(leftovers.Count == 0, "processes left behind: " + string.Join(", ", leftovers));
    }

    private static bool AsExpected(string expect, Verdict verdict) => expect switch
    {
        "pass" => verdict.Accepted,
        "fail" => !verdict.Accepted && verdict.Kind != VerdictKinds.Error,
        _ => verdict.Kind == expect,
    };
}
