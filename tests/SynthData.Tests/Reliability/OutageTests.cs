using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Reliability;

public sealed class OutageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Endpoint_down_mid_run_opens_the_circuit_and_the_run_completes()
    {
        var config = _dir.Write("p.yaml", ReliabilityConfigs.Config("out", faults: "outage=2:2", count: 20, latencyMs: 200,
            // Near-zero backoff makes failures pile up fast enough to open the breaker within the outage; the retry
            // budget is large so that the samples failing before it opens do not run out.
            extraModel: "  circuit_break_seconds: 0.5", maxRetries: 100));
        var run = await TestSupport.Cli.RunProcessAsync(_dir.Path, null, "run", "--config", config);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("circuit open", run.Error, StringComparison.Ordinal);
        Assert.Contains("recovered", run.Error, StringComparison.Ordinal);
        Assert.Contains("0 failed", run.Out, StringComparison.Ordinal);
        var stats = JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", config, "--json")).Out)!;
        Assert.Equal(120, stats["attempts"]!.GetValue<long>());
    }

    [Fact]
    public async Task Unreachable_endpoint_fails_at_the_pre_flight_check_with_a_clear_message()
    {
        var config = _dir.Write("p.yaml", """
            model:
              provider: openai
              endpoint: http://127.0.0.1:9/v1
              name: nobody
              concurrency: 2
              max_retries: 2
              retry_base_delay_seconds: 0.01
              retry_max_delay_seconds: 0.02
              max_outage_seconds: 1
              circuit_break_seconds: 0.5
            sources:
              - generator: arithmetic
                count: 20
            """);
        var run = await TestSupport.Cli.RunProcessAsync(_dir.Path, null, "run", "--config", config);
        Assert.True(run.ExitCode == 2, run.Out + run.Error);
        Assert.Contains("cannot reach http://127.0.0.1:9/v1/models: connection refused", run.Error, StringComparison.Ordinal);
        // Nothing was requested, so nothing was recorded as a failed sample.
        Assert.DoesNotContain("failed after", run.Error, StringComparison.Ordinal);
    }
}
