using SynthData.Ledger;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Pipeline;

/// <summary>Batches that move on: per_batch streams, run.max_problems, dataset positions, and resuming a cut-short batch.</summary>
public sealed class BatchTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Config(string name, string sources, string run = "", string model = "") => _dir.Write(name, $"""
        run:
          output_dir: out-{Path.GetFileNameWithoutExtension(name)}
        {run}
        model:
          samples_per_problem: 2
          concurrency: 4
        {model}
        sources:
        {sources}
        """);

    private static async Task Run(string config, params string[] extra)
    {
        var r = await TestSupport.Cli.RunAsync(["run", "--config", config, .. extra]);
        Assert.True(r.ExitCode == 0, r.Out + r.Error);
    }

    private List<string> ProblemIds(string config)
    {
        using var ledger = RunLedger.Open(_dir.File("out-" + Path.GetFileNameWithoutExtension(config)));
        return [.. ledger.ReadProblems().Select(p => p.Id)];
    }

    private long Attempts(string config)
    {
        using var ledger = RunLedger.Open(_dir.File("out-" + Path.GetFileNameWithoutExtension(config)));
        return LedgerStatistics.Read(ledger).Attempts;
    }

    [Fact]
    public async Task Two_runs_with_per_batch_5_give_10_distinct_problems_each_fully_sampled()
    {
        var config = Config("a.yaml", """
              - generator: arithmetic
                per_batch: 5
            """);
        await Run(config);
        var first = ProblemIds(config);
        Assert.Equal(5, first.Count);
        await Run(config);
        var both = ProblemIds(config);
        Assert.Equal(10, both.Distinct().Count());
        Assert.Subset(both.ToHashSet(), first.ToHashSet());
        Assert.Equal(20, Attempts(config));

        // The stream is seeded: another ledger fed the same way gets the same ten problems.
        var again = Config("b.yaml", """
              - generator: arithmetic
                per_batch: 10
            """);
        await Run(again);
        Assert.Equal(both.Order(), ProblemIds(again).Order());
    }

    [Fact]
    public async Task Max_problems_takes_problems_without_samples_so_runs_move_through_the_sources()
    {
        var gsm = Path.Combine(RepoPaths.Root, "problems", "gsm8k_sample.jsonl").Replace('\\', '/');
        var config = Config("a.yaml", $"""
              - generator: fractions
                count: 4
              - dataset: {gsm}
                format: gsm8k
            """, run: "  max_problems: 3");
        await Run(config);
        Assert.Equal(3, ProblemIds(config).Count);
        await Run(config);
        Assert.Equal(6, ProblemIds(config).Distinct().Count());
        await Run(config, "--max-problems", "2");
        Assert.Equal(8, ProblemIds(config).Count);
        Assert.Equal(16, Attempts(config));
        using var ledger = RunLedger.Open(_dir.File("out-a"));
        var sources = ledger.ReadProblems().GroupBy(p => p.Source.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, sources["generator"]); // the generator is used up first, then the dataset continues row by row
        Assert.Equal(4, sources["dataset"]);
    }

    [Fact]
    public async Task A_batch_cut_short_is_resumed_with_exactly_its_problems_before_the_stream_moves_on()
    {
        const string sources = """
              - generator: linear_equation
                per_batch: 6
            """;
        var cut = Config("cut.yaml", sources, run: "  budget:\n    max_requests: 3");
        var r = await TestSupport.Cli.RunAsync("run", "--config", cut);
        Assert.Equal(1, r.ExitCode); // stopped by the budget: incomplete
        Assert.Equal(6, ProblemIds(cut).Count);
        Assert.True(Attempts(cut) < 12);

        // The rerun (no budget now) finishes the same six problems and takes no new ones.
        File.WriteAllText(cut, File.ReadAllText(cut).Replace("  budget:\n    max_requests: 3", "", StringComparison.Ordinal));
        await Run(cut);
        var reference = Config("whole.yaml", sources);
        await Run(reference);
        Assert.Equal(ProblemIds(reference).Order(), ProblemIds(cut).Order());
        Assert.Equal(12, Attempts(cut));
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", cut, "--out", _dir.File("cut.jsonl"))).ExitCode);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", reference, "--out", _dir.File("whole.jsonl"))).ExitCode);
        Assert.Equal(File.ReadAllText(_dir.File("whole.jsonl")), File.ReadAllText(_dir.File("cut.jsonl")));

        await Run(cut);
        Assert.Equal(12, ProblemIds(cut).Distinct().Count()); // only now does the stream move on
    }

    [Fact]
    public async Task A_finished_fixed_source_is_not_read_again()
    {
        var config = Config("a.yaml", """
              - generator: gcd_lcm
                count: 5
            """);
        await Run(config);
        await Run(config);
        using var ledger = RunLedger.Open(_dir.File("out-a"));
        Assert.Equal(5, ledger.ReadSourcePositions()["generator:gcd_lcm:difficulty=1:seed=0"].Position);
        Assert.Equal(10, LedgerStatistics.Read(ledger).Attempts);
    }
}
