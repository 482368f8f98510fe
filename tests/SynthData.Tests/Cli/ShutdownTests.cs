using System.Diagnostics;
using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Cli;

/// <summary>SIGTERM mid-run: stop taking work, finish in-flight requests, exit 130, and the next run completes the batch.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sigterm_stops_gracefully_and_a_rerun_finishes_the_batch()
    {
        var config = _dir.Write("p.yaml", """
            run:
              output_dir: out
              shutdown_grace_seconds: 10
            model:
              provider: simulated
              samples_per_problem: 4
              concurrency: 4
              latency_ms: 200
            sources:
              - generator: arithmetic
                count: 30
            """);
        using (var p = TestSupport.Cli.Start(_dir.Path, "run", "--config", config))
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            var ledger = Path.Combine(_dir.Path, "out", "ledger.db");
            // Wait for answers to land, however slow the machine: then some requests are done and some in flight.
            var waited = Stopwatch.StartNew();
            while (Answered(ledger) < 8 && waited.Elapsed < TimeSpan.FromSeconds(90))
                await Task.Delay(100);
            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await p.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            Assert.True(p.ExitCode == 130, $"exit {p.ExitCode}\n{output}\n{await stderr}");
            Assert.Contains("run interrupted", output, StringComparison.Ordinal);
        }

        var stats = JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", config, "--json")).Out)!;
        var partial = stats["attempts"]!.GetValue<long>();
        Assert.InRange(partial, 1, 119);
        Assert.Equal(partial, stats["accepted"]!.GetValue<long>() + stats["rejected"]!.GetValue<long>());

        var rerun = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{120 - partial} new, {partial} already in the ledger", rerun.Out, StringComparison.Ordinal);
        var final = JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", config, "--json")).Out)!;
        Assert.Equal(120, final["attempts"]!.GetValue<long>());
    }

    private static long Answered(string ledger)
    {
        if (!File.Exists(ledger))
            return 0;
        try
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={ledger};Mode=ReadOnly;Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM attempts";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not created yet
        }
    }
}
