using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Reliability;

/// <summary>Per-run caps stop the run cleanly; a later run continues where it stopped.</summary>
public sealed class BudgetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Config(string budget) => _dir.Write("p.yaml", $"""
        run:
          output_dir: out
          budget:
        {budget}
        model:
          samples_per_problem: 2
          concurrency: 2
          price_per_million_prompt_tokens: 1000
          price_per_million_completion_tokens: 2000
        sources:
          - generator: gcd_lcm
            count: 10
        """);

    private async Task<JsonNode> Stats(string config) =>
        JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", config, "--json")).Out)!;

    [Fact]
    public async Task Request_cap_is_exact_and_the_next_run_continues()
    {
        var config = Config("    max_requests: 7");
        var first = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.Equal(1, first.ExitCode); // incomplete by design
        Assert.Contains("request budget of 7 reached", first.Out, StringComparison.Ordinal);
        Assert.Equal(7, (await Stats(config))["requests"]!.GetValue<long>());

        var runs = 1;
        while ((await TestSupport.Cli.RunAsync("run", "--config", config)).ExitCode != 0)
            Assert.True(++runs < 10, "budgeted runs never finished the batch");
        var stats = await Stats(config);
        Assert.Equal(20, stats["attempts"]!.GetValue<long>());
        Assert.Equal(20, stats["requests"]!.GetValue<long>()); // nothing requested twice
    }

    [Fact]
    public async Task Cost_cap_stops_the_run_after_the_estimated_spend()
    {
        var config = Config("    max_cost_usd: 0.5");
        var first = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("cost budget", first.Out, StringComparison.Ordinal);
        var stats = await Stats(config);
        var attempts = stats["attempts"]!.GetValue<long>();
        Assert.InRange(attempts, 1, 19);
        var cost = (stats["prompt_tokens"]!.GetValue<long>() * 1000.0 + stats["completion_tokens"]!.GetValue<long>() * 2000.0) / 1e6;
        // In-flight requests may pass the cap, by at most `concurrency` responses.
        Assert.True(cost >= 0.5, $"stopped early at ${cost}");
    }
}
