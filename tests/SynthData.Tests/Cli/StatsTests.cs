using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Cli;

public sealed class StatsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Stats_show_cost_at_the_configured_prices_and_verdict_kinds_keeping_the_contract_keys()
    {
        var config = _dir.Write("p.yaml", """
            run:
              output_dir: out
            model:
              samples_per_problem: 3
              price_per_million_prompt_tokens: 2
              price_per_million_completion_tokens: 10
            sources:
              - generator: arithmetic
                count: 4
            """);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", config)).ExitCode);
        var json = await TestSupport.Cli.RunAsync("stats", "--config", config, "--json");
        var s = JsonNode.Parse(json.Out)!.AsObject();
        foreach (var key in new[] { "problems", "attempts", "accepted", "rejected", "requests", "prompt_tokens", "completion_tokens", "by_source" })
            Assert.True(s.ContainsKey(key), key);
        var prompt = s["prompt_tokens"]!.GetValue<long>();
        var completion = s["completion_tokens"]!.GetValue<long>();
        Assert.Equal(Math.Round(((prompt * 2.0) + (completion * 10.0)) / 1e6, 6), s["cost_usd"]!.GetValue<double>(), 9);
        var kinds = s["verdict_kinds"]!.AsObject();
        Assert.Equal(12, kinds.Sum(kv => kv.Value!.GetValue<long>()));
        Assert.Equal(s["accepted"]!.GetValue<long>(), kinds["correct"]?.GetValue<long>() ?? 0);
        Assert.Equal(12, Assert.Single(s["settings"]!.AsObject()).Value!.GetValue<long>());

        var table = await TestSupport.Cli.RunAsync("stats", "--config", config);
        Assert.Contains("cost $", table.Out, StringComparison.Ordinal);
        Assert.Contains("verdicts correct", table.Out, StringComparison.Ordinal);
    }
}
