using System.Text;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Model;
using SynthData.Problems;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Reliability;

/// <summary>The API key comes from the environment and appears in no log line, ledger row or export.</summary>
public sealed class SecretsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Api_key_never_reaches_logs_ledger_or_exports()
    {
        var secret = "sk-test-" + Guid.NewGuid().ToString("N");
        var problems = GeneratorRunner.Generate(GeneratorCatalog.All.First(g => g.Name == "arithmetic"), 0, 1, 5).ToList();
        await using var endpoint = await SimulatedEndpoint.StartAsync(
            new SimulatedEndpointOptions { ApiKey = secret, Faults = SynthData.Cli.Simulation.Faults.FaultSpec.Parse("500=0.2") },
            new SimulatedAnswerBook(problems), CancellationToken.None);
        var config = _dir.Write("p.yaml", $"""
            run:
              output_dir: out
            model:
              provider: openai
              endpoint: {endpoint.BaseUrl}
              name: simulated
              api_key_env: SYNTHDATA_SECRETS_TEST_API_KEY
              samples_per_problem: 2
              retry_base_delay_seconds: 0.01
              retry_max_delay_seconds: 0.02
            sources:
              - generator: arithmetic
                count: 5
            """);
        var env = new Dictionary<string, string> { ["SYNTHDATA_SECRETS_TEST_API_KEY"] = secret, ["Logging__LogLevel__Default"] = "Trace" };
        var run = await TestSupport.Cli.RunProcessAsync(_dir.Path, null, env, "run", "--config", config);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var export = await TestSupport.Cli.RunProcessAsync(_dir.Path, null, env, "export", "--format", "sft", "--config", config);
        Assert.Equal(0, export.ExitCode);

        Assert.DoesNotContain(secret, run.Out + run.Error + export.Out + export.Error, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_dir.Path, "out"), "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.False(Encoding.UTF8.GetString(bytes).Contains(secret, StringComparison.Ordinal), $"secret found in {file}");
        }

        // And the key really was used: without it the server refuses.
        var missing = await TestSupport.Cli.RunProcessAsync(_dir.Path, null, "run", "--config", config);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("SYNTHDATA_SECRETS_TEST_API_KEY", missing.Error, StringComparison.Ordinal);
    }
}
