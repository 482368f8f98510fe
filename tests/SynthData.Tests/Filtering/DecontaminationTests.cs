using System.Text.Json.Nodes;
using SynthData.Filtering;
using SynthData.Ledger;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Filtering;

/// <summary>Problems overlapping a benchmark test set never reach the ledger's training data, and each is reported with its match.</summary>
public sealed class DecontaminationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // GSM8K test, line 3, lightly reworded (tense changes, "decided", "bought", "put").
    private const string Planted =
        "Josh decided to try flipping a house. He bought a house for $80,000 and then put in $50,000 in repairs. " +
        "This increased the value of the house by 150%. How much profit did he make?";

    private const string Clean =
        "A farmer plants 12 rows of corn with 15 plants in each row. Birds eat 20 plants. How many plants are left?";

    private string WriteConfig(string benchmarkPath) => _dir.Write("pipeline.yaml", $"""
        run:
          output_dir: out
        model:
          provider: simulated
          samples_per_problem: 2
        decontamination:
          benchmarks:
            - path: {benchmarkPath}
              format: gsm8k
              name: gsm8k_test
        sources:
          - dataset: problems/mixed.jsonl
            format: gsm8k
        """);

    private void WriteProblems() => _dir.Write("problems/mixed.jsonl",
        new JsonObject { ["question"] = Clean, ["answer"] = "#### 160" }.ToJsonString() + "\n" +
        new JsonObject { ["question"] = Planted, ["answer"] = "#### 70000" }.ToJsonString() + "\n");

    [Fact]
    public async Task Planted_gsm8k_test_question_is_dropped_and_reported_with_the_benchmark_item()
    {
        WriteProblems();
        var config = WriteConfig(TestSupport.RepoPaths.Gsm8kTest.Replace('\\', '/'));

        var run = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("dropped       1 before sampling (contaminated 1)", run.Out, StringComparison.Ordinal);
        Assert.Contains("contaminated: gsm8k_test:3", run.Out, StringComparison.Ordinal);
        Assert.Contains("Josh decides to try flipping a house.", run.Out, StringComparison.Ordinal);

        using (var ledger = RunLedger.Open(_dir.File("out")))
        {
            var problem = Assert.Single(ledger.ReadProblems());
            Assert.StartsWith("A farmer plants", problem.Prompt, StringComparison.Ordinal);
            var dropped = Assert.Single(ledger.ReadDroppedProblems());
            Assert.Equal(DropReasons.Contaminated, dropped.Reason);
            Assert.Equal("gsm8k_test:3", dropped.Matched);
            Assert.StartsWith("Josh decided", dropped.Problem.Prompt, StringComparison.Ordinal);
            Assert.All(ledger.ReadAttempts(), a => Assert.Equal(problem.Id, a.Problem.Id));
        }

        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "hf", "--config", config, "--out", _dir.File("hf"))).ExitCode);
        var card = File.ReadAllText(_dir.File("hf/README.md"));
        Assert.Contains("| contaminated | 1 |", card, StringComparison.Ordinal);
        Assert.Contains("| gsm8k_test:3 |", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_benchmark_file_stops_the_run_with_a_located_config_error()
    {
        WriteProblems();
        var config = WriteConfig("../nowhere/gsm8k/test.jsonl");
        var run = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("decontamination.benchmarks[0].path: benchmark file not found", run.Error, StringComparison.Ordinal);
        Assert.Contains("nowhere", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out")), "nothing may start before the config is right");
    }

    [Fact]
    public void Threshold_is_a_share_of_the_problem_ngrams_and_short_texts_compare_whole()
    {
        var index = new BenchmarkIndex(13, 0);
        index.Add("bench", 1, "Josh decides to try flipping a house. He buys a house for $80,000 and then puts in $50,000 in repairs. This increased the value of the house by 150%. How much profit did he make?");
        index.Add("bench", 2, "What is 2 + 2?");
        Assert.Equal(1, index.Match(Planted)?.Row);
        Assert.Null(index.Match(Clean));
        Assert.Equal(2, index.Match("what is 2+2")?.Row);
        Assert.Null(index.Match("What is 2 + 3?"));

        var strict = new BenchmarkIndex(13, 0.9);
        strict.Add("bench", 1, "Josh decides to try flipping a house. He buys a house for $80,000 and then puts in $50,000 in repairs. This increased the value of the house by 150%. How much profit did he make?");
        Assert.Null(strict.Match(Planted)); // only part of its 13-grams survive the rewording
    }
}
