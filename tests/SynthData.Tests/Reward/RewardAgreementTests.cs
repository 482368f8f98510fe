using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Reward;

/// <summary>
/// "Done when" of issue 9: for every attempt of a default-config-like run (simulated model over HTTP, math and code
/// sources, logic puzzles, a token cap that cuts some answers off), the reward server, given only the <c>rl</c> row's ground
/// truth and the response, says what the pipeline's verdict in the <c>raw</c> export says.
/// </summary>
public sealed class RewardAgreementTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Server_accepts_exactly_the_attempts_the_pipeline_accepted()
    {
        string Repo(string file) => Path.Combine(RepoPaths.Root, "problems", file).Replace('\\', '/');
        // The default pipeline.yaml's sources (fewer of each) plus HumanEval rows for check(candidate) tests; every
        // problem gets an rl row (band [0, 1]) so every attempt has a ground truth to score against.
        var config = _dir.Write("pipeline.yaml", $"""
            run:
              output_dir: out
              seed: 42
            model:
              provider: simulated
              samples_per_problem: 4
              accuracy: 0.6
              max_tokens: 400
            verification:
              code:
                max_parallel_checks: 2
            selection:
              rl_pass_rate: "[0, 1]"
            sources:
              - generator: arithmetic
                count: 5
                difficulty: 2
                seed: 1
              - generator: linear_equation
                count: 5
                difficulty: 2
                seed: 1
              - generator: fractions
                count: 4
                difficulty: 1
                seed: 1
              - dataset: {Repo("gsm8k_sample.jsonl")}
                format: gsm8k
                limit: 5
              - dataset: {Repo("word_problems.csv")}
                limit: 4
              - generator: run_length_encoding
                count: 3
                difficulty: 2
                seed: 1
              - generator: roman_numerals
                count: 3
                difficulty: 2
                seed: 1
              - dataset: {Repo("humaneval_sample.jsonl")}
                format: humaneval
                limit: 3
              - generator: sudoku
                count: 3
                difficulty: 1
                seed: 1
              - generator: countdown
                count: 3
                difficulty: 2
                seed: 1
            """);
        var run = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        foreach (var format in new[] { "rl", "raw" })
        {
            var export = await TestSupport.Cli.RunAsync("export", "--format", format, "--config", config, "--out", _dir.File(format + ".jsonl"));
            Assert.True(export.ExitCode == 0, export.Error);
        }

        var rl = File.ReadAllLines(_dir.File("rl.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject())
            .ToDictionary(r => r["extra_info"]!["problem_id"]!.GetValue<string>(), StringComparer.Ordinal);
        var raw = File.ReadAllLines(_dir.File("raw.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.True(raw.Count >= 100, $"only {raw.Count} attempts");

        var items = new List<JsonObject>();
        foreach (var attempt in raw)
        {
            var row = rl[attempt["problem_id"]!.GetValue<string>()]; // every attempt's problem has its rl row
            var ability = row["ability"]!.GetValue<string>();
            Assert.StartsWith($"synthdata/{ability}/", row["data_source"]!.GetValue<string>(), StringComparison.Ordinal);
            items.Add(RewardServerTests.Item(ability, row["reward_model"]!["ground_truth"]!.DeepClone(),
                attempt["response"]!.GetValue<string>(), attempt["finish_reason"]!.GetValue<string>()));
        }

        await using var server = await RewardServerTests.Server.StartAsync(SynthData.Config.ConfigLoader.Load(config));
        var results = await server.ScoreAsync([.. items]);

        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            var verdict = raw[i]["verdict"]!;
            var result = results[i]!;
            var where = $"attempt {raw[i]["problem_id"]}#{raw[i]["sample_index"]} ({verdict["kind"]}: {verdict["reason"]}) vs server {result.ToJsonString()}";
            Assert.NotEqual("error", verdict["kind"]!.GetValue<string>());
            Assert.Null(result["error"]);
            Assert.True(raw[i]["accepted"]!.GetValue<bool>() == result["accepted"]!.GetValue<bool>(), where);
            Assert.True(verdict["kind"]!.GetValue<string>() == result["kind"]!.GetValue<string>(), where);
            Assert.True(result["accepted"]!.GetValue<bool>() == (result["score"]!.GetValue<double>() == 1), where);
            kinds.Add(result["kind"]!.GetValue<string>());
        }

        // The run exercised both domains and both outcomes, so agreement is not agreement on one easy case.
        Assert.Contains("correct", kinds);
        Assert.Contains("wrong_answer", kinds);
        Assert.Contains("passed", kinds);
        Assert.Contains("failed", kinds);
        Assert.Contains(raw, a => a["domain"]!.GetValue<string>() == "code" && !a["accepted"]!.GetValue<bool>());
        Assert.Contains(raw, a => a["domain"]!.GetValue<string>() == "logic" && a["accepted"]!.GetValue<bool>());
        Assert.Contains(raw, a => a["domain"]!.GetValue<string>() == "logic" && !a["accepted"]!.GetValue<bool>());
    }
}
