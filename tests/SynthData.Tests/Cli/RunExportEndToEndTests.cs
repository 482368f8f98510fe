using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Cli;

/// <summary>run → rerun (no new requests) → export, through the CLI, the simulated endpoint over HTTP and a real SQLite file.</summary>
public sealed class RunExportEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteConfig(string name, string extra = "")
    {
        var gsm = Path.Combine(RepoPaths.Root, "problems", "gsm8k_sample.jsonl").Replace("\\", "/", StringComparison.Ordinal);
        return _dir.Write(name, $"""
            run:
              output_dir: out-{Path.GetFileNameWithoutExtension(name)}
              seed: 11
            model:
              provider: simulated
              samples_per_problem: 3
              concurrency: 8
              accuracy: 0.6
            {extra}
            selection:
              keep_per_problem: 2
            sources:
              - generator: arithmetic
                count: 6
                difficulty: 2
                seed: 3
              - dataset: {gsm}
                format: gsm8k
                limit: 6
              - dataset: bad.jsonl
                format: gsm8k
            """);
    }

    private async Task<JsonObject> Stats(string config)
    {
        var r = await TestSupport.Cli.RunAsync("stats", "--config", config, "--json");
        Assert.Equal(0, r.ExitCode);
        return JsonNode.Parse(r.Out)!.AsObject();
    }

    [Fact]
    public async Task Run_rerun_and_export_sft()
    {
        _dir.Write("bad.jsonl", "{\"question\": \"q?\", \"answer\": \"#### 1\"}\n{\"question\": \"broken\"}\n");
        var config = WriteConfig("a.yaml");

        var first = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.Contains("bad.jsonl:2: answer:", first.Out, StringComparison.Ordinal);
        var stats = await Stats(config);
        Assert.Equal(13, stats["problems"]!.GetValue<long>());
        Assert.Equal(39, stats["attempts"]!.GetValue<long>());
        var requests = stats["requests"]!.GetValue<long>();
        Assert.Equal(39, requests);
        Assert.InRange(stats["accepted"]!.GetValue<long>(), 10, 35);
        Assert.Equal(39, stats["accepted"]!.GetValue<long>() + stats["rejected"]!.GetValue<long>());

        var second = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 new, 39 already in the ledger", second.Out, StringComparison.Ordinal);
        Assert.Equal(requests, (await Stats(config))["requests"]!.GetValue<long>());

        var sftPath = _dir.File("a.sft.jsonl");
        var export = await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", config, "--out", sftPath);
        Assert.True(export.ExitCode == 0, export.Error);
        var lines = File.ReadAllLines(sftPath);
        Assert.NotEmpty(lines);
        var perProblem = new Dictionary<string, int>();
        foreach (var line in lines)
        {
            var row = JsonNode.Parse(line)!.AsObject();
            var messages = row["messages"]!.AsArray();
            Assert.Equal("user", messages[^2]!["role"]!.GetValue<string>());
            var assistant = messages[^1]!;
            Assert.Equal("assistant", assistant["role"]!.GetValue<string>());
            Assert.StartsWith("<think>", assistant["content"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("simulated", row["model"]!.GetValue<string>());
            Assert.True(row["verifier"]!["kind"]!.GetValue<string>() == "correct");
            Assert.NotNull(row["source"]!["kind"]);
            Assert.NotNull(row["sampling"]!["seed"]);
            var id = row["problem_id"]!.GetValue<string>();
            perProblem[id] = perProblem.GetValueOrDefault(id) + 1;
        }

        Assert.All(perProblem.Values, n => Assert.InRange(n, 1, 2));
        var ordered = lines.Select(l => JsonNode.Parse(l)!["problem_id"]!.GetValue<string>()).ToList();
        Assert.Equal(ordered.Order(StringComparer.Ordinal), ordered);
    }

    [Fact]
    public async Task Same_config_gives_byte_identical_exports_across_runs()
    {
        _dir.Write("bad.jsonl", "{\"question\": \"q?\", \"answer\": \"#### 1\"}\n"); // an empty file is an error now
        var a = WriteConfig("a.yaml");
        var b = WriteConfig("b.yaml", "  stream: true");
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", a)).ExitCode);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", b)).ExitCode);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", a, "--out", _dir.File("a.jsonl"))).ExitCode);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", b, "--out", _dir.File("b.jsonl"))).ExitCode);
        // b streams; the sampling record says so, everything else must match.
        var left = File.ReadAllText(_dir.File("a.jsonl"));
        var right = File.ReadAllText(_dir.File("b.jsonl")).Replace("\"stream\":true", "\"stream\":false", StringComparison.Ordinal);
        Assert.Equal(left, right);
    }
}
