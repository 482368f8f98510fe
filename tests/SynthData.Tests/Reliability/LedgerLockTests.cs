using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Reliability;

public sealed class LedgerLockTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Another_process_holding_the_ledger_delays_the_run_but_loses_nothing()
    {
        var config = _dir.Write("p.yaml", """
            run:
              output_dir: out
            model:
              samples_per_problem: 4
              concurrency: 8
              latency_ms: 50
            sources:
              - generator: arithmetic
                count: 40
            """);
        var run = TestSupport.Cli.RunAsync("run", "--config", config);
        var ledger = Path.Combine(_dir.Path, "out", "ledger.db");
        while (!File.Exists(ledger) && !run.IsCompleted)
            await Task.Delay(20);
        await Task.Delay(300);
        await using (var holder = new SqliteConnection($"Data Source={ledger};Pooling=False"))
        {
            holder.Open();
            await using var tx = holder.BeginTransaction(System.Data.IsolationLevel.Serializable);
            using (var cmd = holder.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO meta(key, value) VALUES('lock-test', 'x')"; // takes the write lock
                cmd.ExecuteNonQuery();
            }

            await Task.Delay(2500);
            tx.Rollback();
        }

        var result = await run;
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var stats = JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", config, "--json")).Out)!;
        Assert.Equal(160, stats["attempts"]!.GetValue<long>());
        Assert.Equal(160, stats["accepted"]!.GetValue<long>() + stats["rejected"]!.GetValue<long>());
    }
}
