using Microsoft.Data.Sqlite;
using SynthData.Common;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Reliability;

/// <summary>SIGKILL at random moments, restart each time: the ledger converges and exports match an uninterrupted run.</summary>
public sealed class CrashTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Killed_ten_times_then_resumed_equals_an_uninterrupted_run()
    {
        var reference = _dir.Write("reference.yaml", ReliabilityConfigs.Config("reference", count: 40, latencyMs: 300));
        var crashed = _dir.Write("crashed.yaml", ReliabilityConfigs.Config("crashed", count: 40, latencyMs: 300));
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", reference)).ExitCode);

        var rng = new SeededRandom(2024);
        var kills = 0;
        for (var i = 0; i < 10; i++)
        {
            using var p = TestSupport.Cli.Start(_dir.Path, "run", "--config", crashed);
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            // Start-up takes ~0.7 s and the batch ~12 s of sampling, more than ten runs cut short can finish: every kill
            // lands mid-run, some before the first request.
            await Task.Delay(TimeSpan.FromMilliseconds(rng.Next(400, 1600)));
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
                kills++;
            }

            await p.WaitForExitAsync();
        }

        Assert.True(kills >= 8, $"only {kills} of 10 runs were still running when killed");
        var final = await TestSupport.Cli.RunAsync("run", "--config", crashed);
        Assert.True(final.ExitCode == 0, final.Out + final.Error);

        AssertLedgerComplete(Path.Combine(_dir.Path, "crashed", "ledger.db"), problems: 80, samples: 3);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", reference, "--out", _dir.File("a.jsonl"))).ExitCode);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", crashed, "--out", _dir.File("b.jsonl"))).ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(_dir.File("a.jsonl")), await File.ReadAllBytesAsync(_dir.File("b.jsonl")));
    }

    private static void AssertLedgerComplete(string path, int problems, int samples)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        long Scalar(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return (long)cmd.ExecuteScalar()!;
        }

        Assert.Equal("ok", (string)new SqliteCommand("PRAGMA integrity_check", c).ExecuteScalar()!);
        Assert.Equal(problems, Scalar("SELECT COUNT(*) FROM problems"));
        Assert.Equal(problems * samples, Scalar("SELECT COUNT(*) FROM attempts"));
        Assert.Equal(problems * samples, Scalar("SELECT COUNT(DISTINCT problem_id || '#' || sample_index) FROM attempts"));
        Assert.Equal(0, Scalar($"SELECT COUNT(*) FROM attempts WHERE sample_index < 0 OR sample_index >= {samples}"));
        Assert.Equal(problems * samples, Scalar("SELECT COUNT(*) FROM verdicts WHERE kind <> 'error'"));
    }
}
