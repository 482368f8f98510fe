using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Ledger;

/// <summary><c>synthdata ledger copy</c> SQLite → PostgreSQL → SQLite: identical exports, and a second copy adds nothing.</summary>
public sealed class LedgerCopyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Config(string name, string ledger) => _dir.Write(name + ".yaml", $"""
        run:
          output_dir: out-{name}
          seed: 9
          ledger: "{ledger}"
        model:
          samples_per_problem: 3
          concurrency: 4
          accuracy: 0.6
        sources:
          - generator: arithmetic
            count: 15
            difficulty: 2
            seed: 4
        """);

    private async Task<string> Export(string config, string format, string tag)
    {
        var file = _dir.File($"{tag}.{format}.jsonl");
        var r = await TestSupport.Cli.RunAsync("export", "--format", format, "--config", config, "--out", file);
        Assert.True(r.ExitCode == 0, r.Out + r.Error);
        return File.ReadAllText(file);
    }

    [Fact]
    public async Task Copy_to_postgres_and_back_round_trips_the_ledger_with_identical_exports_and_resumes()
    {
        using var pg = PostgresServer.CreateDatabase();
        var original = Config("orig", "sqlite");
        var run = await TestSupport.Cli.RunAsync("run", "--config", original);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var file = Path.Combine(_dir.Path, "out-orig", "ledger.db");

        var up = await TestSupport.Cli.RunAsync("ledger", "copy", "--from", file, "--to", pg.Uri);
        Assert.True(up.ExitCode == 0, up.Out + up.Error);
        Assert.Contains("verified", up.Out, StringComparison.Ordinal);
        // Run again (as after an interruption): everything is there already, nothing is added, still verified.
        var again = await TestSupport.Cli.RunAsync("ledger", "copy", "--from", file, "--to", pg.Uri);
        Assert.True(again.ExitCode == 0, again.Out + again.Error);
        Assert.Contains("attempts: 45 rows, 0 copied now, verified", again.Error, StringComparison.Ordinal);

        var back = Path.Combine(_dir.Path, "back", "ledger.db");
        var down = await TestSupport.Cli.RunAsync("ledger", "copy", "--from", pg.Uri, "--to", back);
        Assert.True(down.ExitCode == 0, down.Out + down.Error);

        var onPg = Config("pg", pg.Uri);
        var roundTrip = _dir.Write("back.yaml", File.ReadAllText(original).Replace("out-orig", "back", StringComparison.Ordinal));
        foreach (var format in new[] { "sft", "dpo", "rl" })
        {
            var expected = await Export(original, format, "orig");
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await Export(onPg, format, "pg"));
            Assert.Equal(expected, await Export(roundTrip, format, "back"));
        }

        // The copied PostgreSQL ledger is a working ledger: a rerun there finds every sample answered.
        var rerun = await TestSupport.Cli.RunAsync("run", "--config", onPg);
        Assert.True(rerun.ExitCode == 0, rerun.Out + rerun.Error);
        var stats = System.Text.Json.Nodes.JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", onPg, "--json")).Out)!;
        Assert.Equal(45, stats["attempts"]!.GetValue<long>());
        Assert.Equal(45, stats["requests"]!.GetValue<long>()); // no sample was requested again
    }

    [Fact]
    public async Task Copy_from_a_missing_file_is_a_usage_error()
    {
        var r = await TestSupport.Cli.RunAsync("ledger", "copy", "--from", _dir.File("none.db"), "--to", _dir.File("x.db"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no ledger at", r.Error, StringComparison.Ordinal);
    }
}
