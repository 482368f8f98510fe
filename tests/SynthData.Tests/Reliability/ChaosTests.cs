using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Reliability;

/// <summary>Faults change nothing in the exported data: a faulted run exports byte for byte what a clean run exports.</summary>
public sealed class ChaosTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Twenty_percent_faults_give_byte_identical_exports()
    {
        var clean = _dir.Write("clean.yaml", ReliabilityConfigs.Config("clean"));
        var chaos = _dir.Write("chaos.yaml", ReliabilityConfigs.Config("chaos", ReliabilityConfigs.TwentyPercentFaults));

        var cleanRun = await TestSupport.Cli.RunAsync("run", "--config", clean);
        Assert.True(cleanRun.ExitCode == 0, cleanRun.Out + cleanRun.Error);
        var chaosRun = await TestSupport.Cli.RunAsync("run", "--config", chaos);
        Assert.True(chaosRun.ExitCode == 0, chaosRun.Out + chaosRun.Error);

        var stats = JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", chaos, "--json")).Out)!;
        Assert.Equal(48, stats["attempts"]!.GetValue<long>());
        Assert.True(stats["requests"]!.GetValue<long>() > 48, "faults must have caused retries");

        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", clean, "--out", _dir.File("clean.jsonl"))).ExitCode);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", chaos, "--out", _dir.File("chaos.jsonl"))).ExitCode);
        var expected = await File.ReadAllBytesAsync(_dir.File("clean.jsonl"));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await File.ReadAllBytesAsync(_dir.File("chaos.jsonl")));
    }
}
