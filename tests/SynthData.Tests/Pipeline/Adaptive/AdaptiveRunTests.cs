using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SynthData.Common;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Pipeline.Adaptive;

/// <summary>Adaptive budgets end to end: the CLI, the simulated model over loopback HTTP, the SQLite ledger.</summary>
public sealed class AdaptiveRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Config(string outputDir, bool adaptive, int count = 20, int latencyMs = 0, string? faults = null,
        string endpoint = "", string prices = "") => string.Create(CultureInfo.InvariantCulture, $"""
        run:
          output_dir: {outputDir}
          seed: 7
        model:
          provider: {(endpoint.Length == 0 ? "simulated" : "openai")}
          {(endpoint.Length == 0 ? "" : "endpoint: " + endpoint)}
          samples_per_problem: 8
          concurrency: 6
          accuracy: 0.6
          {(endpoint.Length == 0 ? "difficulty_spread: 2.5" : "")}
          latency_ms: {(endpoint.Length == 0 ? latencyMs : 0)}
          request_timeout_seconds: 5
          max_retries: 30
          retry_base_delay_seconds: 0.01
          retry_max_delay_seconds: 0.05
          {(faults is null ? "" : "faults: \"" + faults + "\"")}
          {prices}
          adaptive:
            enabled: {(adaptive ? "true" : "false")}
        decontamination:
          benchmarks: []
        sources:
          - generator: arithmetic
            count: {count}
            difficulty: 2
          - generator: linear_equation
            count: {count}
            difficulty: 2
        """);

    private static long Scalar(string ledger, string sql)
    {
        using var c = new SqliteConnection($"Data Source={ledger};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> Column(string ledger, string sql)
    {
        using var c = new SqliteConnection($"Data Source={ledger};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
            list.Add(r.GetString(0));
        return list;
    }


    [Fact]
    public async Task Default_config_with_adaptive_budgets_makes_fewer_requests_for_the_same_accepted_problems()
    {
        var root = RepoPaths.Root;
        var text = (await File.ReadAllTextAsync(Path.Combine(root, "pipeline.yaml")))
            .Replace("path: data/", $"path: {root}/data/", StringComparison.Ordinal)
            .Replace("dataset: problems/", $"dataset: {root}/problems/", StringComparison.Ordinal);
        Assert.Contains("  samples_per_problem: 4\n", text, StringComparison.Ordinal);
        Assert.Contains("  adaptive:\n    enabled: false\n", text, StringComparison.Ordinal);
        var fixedCfg = _dir.Write("fixed.yaml", text.Replace("output_dir: output", $"output_dir: {_dir.File("fixed")}", StringComparison.Ordinal));
        var adaptiveCfg = _dir.Write("adaptive.yaml", text.Replace("output_dir: output", $"output_dir: {_dir.File("adaptive")}", StringComparison.Ordinal)
            .Replace("  adaptive:\n    enabled: false\n", "  adaptive:\n    enabled: true\n", StringComparison.Ordinal));

        var f = await TestSupport.Cli.RunAsync("run", "--config", fixedCfg);
        Assert.True(f.ExitCode == 0, f.Out + f.Error);
        var a = await TestSupport.Cli.RunAsync("run", "--config", adaptiveCfg);
        Assert.True(a.ExitCode == 0, a.Out + a.Error);

        var fixedLedger = _dir.File("fixed/ledger.db");
        var adaptiveLedger = _dir.File("adaptive/ledger.db");
        Assert.True(Scalar(adaptiveLedger, "SELECT COUNT(*) FROM attempts") < Scalar(fixedLedger, "SELECT COUNT(*) FROM attempts"));
        Assert.Contains("requests saved against the fixed budget", a.Out, StringComparison.Ordinal);
        const string acceptedProblems = "SELECT DISTINCT problem_id FROM verdicts WHERE accepted = 1 ORDER BY problem_id";
        Assert.Equal(Column(fixedLedger, acceptedProblems), Column(adaptiveLedger, acceptedProblems));

        // The same problems reach the sft and rl exports.
        foreach (var format in new[] { "sft", "rl" })
        {
            Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", format, "--config", fixedCfg, "--out", _dir.File($"f.{format}.jsonl"))).ExitCode);
            Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", format, "--config", adaptiveCfg, "--out", _dir.File($"a.{format}.jsonl"))).ExitCode);
            Assert.Equal(ProblemIds(_dir.File($"f.{format}.jsonl")), ProblemIds(_dir.File($"a.{format}.jsonl")));
        }
    }

    private static List<string> ProblemIds(string jsonl) => [.. File.ReadLines(jsonl).Select(l =>
    {
        var o = JsonNode.Parse(l)!.AsObject();
        return (o["problem_id"] ?? o["extra_info"]!["problem_id"])!.GetValue<string>();
    }).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Killed_mid_wave_under_faults_then_resumed_equals_an_uninterrupted_adaptive_run()
    {
        var reference = _dir.Write("reference.yaml", Config("reference", adaptive: true, count: 30, latencyMs: 250));
        var crashed = _dir.Write("crashed.yaml", Config("crashed", adaptive: true, count: 30, latencyMs: 250, faults: "429=0.05,500=0.05,reset=0.03,badjson=0.03,truncate=0.02"));
        var r = await TestSupport.Cli.RunAsync("run", "--config", reference);
        Assert.True(r.ExitCode == 0, r.Out + r.Error);

        var rng = new SeededRandom(77);
        var kills = 0;
        for (var i = 0; i < 6; i++)
        {
            using var p = TestSupport.Cli.Start(_dir.Path, "run", "--config", crashed);
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(rng.Next(600, 2500)));
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true); // SIGKILL, mid-wave: waves of 2 samples take several round trips each
                kills++;
            }

            await p.WaitForExitAsync();
        }

        Assert.True(kills >= 3, $"only {kills} of 6 runs were still running when killed");
        var final = await TestSupport.Cli.RunAsync("run", "--config", crashed);
        Assert.True(final.ExitCode == 0, final.Out + final.Error);

        const string samples = "SELECT problem_id || '#' || sample_index FROM attempts ORDER BY 1";
        var refSamples = Column(_dir.File("reference/ledger.db"), samples);
        Assert.Equal(refSamples, Column(_dir.File("crashed/ledger.db"), samples));
        Assert.True(refSamples.Count < 60 * 8, "adaptive budgets stopped no problem early");
        foreach (var format in new[] { "sft", "rl", "dpo" })
        {
            Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", format, "--config", reference, "--out", _dir.File($"a.{format}.jsonl"))).ExitCode);
            Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", format, "--config", crashed, "--out", _dir.File($"b.{format}.jsonl"))).ExitCode);
            Assert.Equal(await File.ReadAllBytesAsync(_dir.File($"a.{format}.jsonl")), await File.ReadAllBytesAsync(_dir.File($"b.{format}.jsonl")));
        }

        // A further run finds every problem decided or at its budget and asks for nothing.
        var again = await TestSupport.Cli.RunAsync("run", "--config", crashed);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(refSamples, Column(_dir.File("crashed/ledger.db"), samples));
    }

    [Fact]
    public async Task Cost_figures_match_the_ledgers_token_counts()
    {
        var cfg = _dir.Write("cost.yaml", Config("cost", adaptive: true, prices: "price_per_million_prompt_tokens: 3\n  price_per_million_completion_tokens: 15"));
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", cfg)).ExitCode);
        var stats = await TestSupport.Cli.RunAsync("stats", "--config", cfg, "--json");
        Assert.Equal(0, stats.ExitCode);
        var cost = JsonNode.Parse(stats.Out)!["cost"]!.AsObject();
        var ledger = _dir.File("cost/ledger.db");
        var prompt = Scalar(ledger, "SELECT SUM(prompt_tokens) FROM attempts");
        var completion = Scalar(ledger, "SELECT SUM(completion_tokens) FROM attempts");
        var accepted = Scalar(ledger, "SELECT COUNT(*) FROM verdicts WHERE accepted = 1");
        Assert.Equal(prompt, cost["prompt_tokens"]!.GetValue<long>());
        Assert.Equal(completion, cost["completion_tokens"]!.GetValue<long>());
        Assert.Equal(accepted, cost["accepted_traces"]!.GetValue<long>());
        var dollars = ((prompt * 3.0) + (completion * 15.0)) / 1e6;
        Assert.Equal(dollars, cost["cost_usd"]!.GetValue<double>(), 5);
        Assert.Equal(dollars / accepted, cost["cost_per_accepted_trace"]!.GetValue<double>(), 7);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", cfg, "--out", _dir.File("sft.jsonl"))).ExitCode);
        var kept = File.ReadLines(_dir.File("sft.jsonl")).Select(l => JsonNode.Parse(l)!["problem_id"]!.GetValue<string>()).Distinct().Count();
        Assert.Equal(kept, cost["kept_problems"]!.GetValue<long>());
        Assert.Equal(dollars / kept, cost["cost_per_kept_problem"]!.GetValue<double>(), 7);
        var adaptive = JsonNode.Parse(stats.Out)!["adaptive"]!.AsObject();
        Assert.Equal(Scalar(ledger, "SELECT COUNT(*) FROM attempts"), adaptive["samples_drawn"]!.GetValue<long>());
    }

    [Fact]
    public async Task Dry_run_sends_nothing_and_projects_from_the_ledgers_history()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endpoint = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v1";

        // No ledger yet: counts only, nothing created.
        var empty = _dir.Write("empty.yaml", Config("empty", adaptive: true, endpoint: endpoint));
        var first = await TestSupport.Cli.RunAsync("run", "--dry-run", "--json", "--config", empty);
        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        var p0 = JsonNode.Parse(first.Out)!.AsObject();
        Assert.Equal(40, p0["problems"]!.GetValue<int>());
        Assert.Equal(320, p0["samples"]!.GetValue<double>());
        Assert.Null(p0["prompt_tokens"]);
        Assert.False(File.Exists(_dir.File("empty/ledger.db")));

        // With history (a simulated run into the same output folder), the projection uses its pass rates and tokens.
        var history = _dir.Write("history.yaml", Config("shared", adaptive: true, count: 20, prices: "price_per_million_prompt_tokens: 1\n  price_per_million_completion_tokens: 2"));
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", history)).ExitCode);
        var attempts = Scalar(_dir.File("shared/ledger.db"), "SELECT COUNT(*) FROM attempts");
        var more = _dir.Write("more.yaml", Config("shared", adaptive: true, count: 40, endpoint: endpoint, prices: "price_per_million_prompt_tokens: 1\n  price_per_million_completion_tokens: 2"));
        var dry = await TestSupport.Cli.RunAsync("run", "--dry-run", "--json", "--config", more);
        Assert.True(dry.ExitCode == 0, dry.Out + dry.Error);
        var p = JsonNode.Parse(dry.Out)!.AsObject();
        Assert.Equal(80, p["problems"]!.GetValue<int>());
        // The openai config has other settings (no simulated difficulty), so its samples are all still to draw.
        Assert.Equal(0, p["problems_with_samples"]!.GetValue<int>());
        Assert.Equal(640, p["samples_fixed_budget"]!.GetValue<double>());
        Assert.InRange(p["samples"]!.GetValue<double>(), 160, 639);
        Assert.True(p["cost_usd"]!.GetValue<double>() > 0);
        Assert.Equal(attempts, Scalar(_dir.File("shared/ledger.db"), "SELECT COUNT(*) FROM attempts"));
        Assert.False(listener.Pending(), "the dry run connected to the model endpoint");
    }
}
