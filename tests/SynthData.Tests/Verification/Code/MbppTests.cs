using SynthData.Verification;

namespace SynthData.Tests.Verification.Code;

[Collection(SandboxCollection.Name)]
public sealed class MbppTests(SandboxFixture sandbox)
{
    /// <summary>
    /// Reference solutions that cannot pass under the two-process harness, with the reason. Anything else failing
    /// is a regression.
    /// </summary>
    private static readonly Dictionary<int, string> KnownFailures = new()
    {
        [367] = "test setup builds Node objects of the program's class: objects cannot leave the sandbox",
        [601] = "test passes Pair objects of the program's class to the program",
        [927] = "test setup builds Node objects of the program's class: objects cannot leave the sandbox",
    };

    [Fact]
    public async Task Reference_solutions_pass_except_the_documented_ones()
    {
        var tasks = CodeDatasets.Mbpp();
        var verdicts = await Task.WhenAll(tasks.Select(t => sandbox.Verifier.CheckProgramAsync(t.ToProblem(), t.Code, CancellationToken.None)));
        var failures = tasks.Zip(verdicts).Where(p => !p.Second.Accepted).ToList();
        var unexpected = failures.Where(p => !KnownFailures.ContainsKey(p.First.TaskId))
            .Select(p => $"{p.First.TaskId}: {p.Second.Kind} {p.Second.Reason}").ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} unexpected failures:\n" + string.Join('\n', unexpected));
        var nowPassing = KnownFailures.Keys.Except(failures.Select(p => p.First.TaskId)).ToList();
        Assert.True(nowPassing.Count == 0, "documented failures now pass: " + string.Join(", ", nowPassing));
    }
}
