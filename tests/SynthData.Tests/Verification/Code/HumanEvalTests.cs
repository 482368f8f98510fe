using SynthData.Verification;

namespace SynthData.Tests.Verification.Code;

[Collection(SandboxCollection.Name)]
public sealed class HumanEvalTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task All_canonical_solutions_pass_and_stubs_returning_None_fail()
    {
        var tasks = CodeDatasets.HumanEval();
        Assert.Equal(164, tasks.Count);

        var canonical = tasks.Select(t => sandbox.Verifier.CheckProgramAsync(t.ToProblem(), t.Prompt + t.CanonicalSolution, CancellationToken.None));
        var stubs = tasks.Select(t => sandbox.Verifier.CheckProgramAsync(t.ToProblem(), t.Prompt + "    return None\n", CancellationToken.None));
        var good = await Task.WhenAll(canonical);
        var bad = await Task.WhenAll(stubs);

        var wronglyRejected = tasks.Zip(good).Where(p => !p.Second.Accepted).Select(p => $"{p.First.TaskId}: {p.Second.Kind} {p.Second.Reason}").ToList();
        Assert.True(wronglyRejected.Count == 0, string.Join('\n', wronglyRejected));
        var wronglyAccepted = tasks.Zip(bad).Where(p => p.Second.Accepted || p.Second.Kind == VerdictKinds.Error).Select(p => $"{p.First.TaskId}: {p.Second.Kind}").ToList();
        Assert.True(wronglyAccepted.Count == 0, string.Join('\n', wronglyAccepted));
    }
}
