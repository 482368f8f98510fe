using System.Diagnostics;
using System.Text.Json.Nodes;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Model;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Ledger.Store;
using SynthData.Pipeline;
using SynthData.Problems;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Ledger;

/// <summary>
/// Several real <c>synthdata run</c> processes on one PostgreSQL ledger, against one simulated endpoint with faults
/// (real HTTP): the same ledger, exports and exactly-once guarantee as one process on SQLite.
/// </summary>
public sealed class SharedLedgerTests : IDisposable
{
    private const int Problems = 24;
    private const int Samples = 4;
    private static readonly string[] Formats = ["sft", "dpo", "rl", "sharegpt"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Config(string name, string ledger, Uri endpoint, string extra = "") => _dir.Write(name + ".yaml", $"""
        run:
          output_dir: out-{name}
          seed: 5
          ledger: "{ledger}"
          lease_seconds: 3
          shutdown_grace_seconds: 1
        {extra}
        model:
          provider: openai
          endpoint: {endpoint}
          name: simulated
          samples_per_problem: {Samples}
          concurrency: 3
          max_retries: 8
          retry_base_delay_seconds: 0.01
          retry_max_delay_seconds: 0.05
        sources:
          - generator: arithmetic
            count: {Problems}
            difficulty: 2
            seed: 3
        """);

    private static async Task<SimulatedEndpoint> Endpoint(string faults, double latencyMs = 0)
    {
        var options = ConfigLoader.Load(Path.Combine(RepoPaths.Root, "pipeline.yaml"));
        options.Sources = [new SourceOptions { Generator = "arithmetic", Count = Problems, Difficulty = 2, Seed = 3 }];
        var problems = ProblemCollector.Collect(ProblemSourceFactory.Create(options), null, CancellationToken.None).Problems;
        return await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions
        {
            Accuracy = 0.6,
            Faults = SynthData.Cli.Simulation.Faults.FaultSpec.Parse(faults),
            Latency = TimeSpan.FromMilliseconds(latencyMs),
        }, new SimulatedAnswerBook(problems), CancellationToken.None);
    }

    private async Task<Dictionary<string, byte[]>> Exports(string config, string tag)
    {
        var files = new Dictionary<string, byte[]>();
        foreach (var format in Formats)
        {
            var file = _dir.File($"{tag}.{format}.jsonl");
            var r = await TestSupport.Cli.RunAsync("export", "--format", format, "--config", config, "--out", file);
            Assert.True(r.ExitCode == 0, r.Out + r.Error);
            files[format] = File.ReadAllBytes(file);
        }

        return files;
    }

    private static void AssertSameExports(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        foreach (var format in Formats)
        {
            Assert.True(expected[format].Length > 0, $"{format}: the reference export is empty");
            Assert.True(expected[format].AsSpan().SequenceEqual(actual[format]), $"{format}: exports differ between the stores");
        }
    }

    [Fact]
    public async Task One_run_on_postgres_gives_the_ledger_stats_and_exports_of_one_run_on_sqlite()
    {
        await using var endpoint = await Endpoint("429=0.05,500=0.05");
        using var pg = PostgresServer.CreateDatabase();
        var sqlite = Config("sqlite", "sqlite", endpoint.BaseUrl);
        var shared = Config("pg", pg.Uri, endpoint.BaseUrl);
        foreach (var config in new[] { sqlite, shared })
        {
            var r = await TestSupport.Cli.RunAsync("run", "--config", config);
            Assert.True(r.ExitCode == 0, r.Out + r.Error);
        }

        AssertSameExports(await Exports(sqlite, "sqlite"), await Exports(shared, "pg"));
        static JsonObject Totals(CliResult r)
        {
            var o = JsonNode.Parse(r.Out)!.AsObject();
            return new JsonObject { ["problems"] = o["problems"]!.DeepClone(), ["attempts"] = o["attempts"]!.DeepClone(), ["accepted"] = o["accepted"]!.DeepClone(), ["by_source"] = o["by_source"]!.DeepClone() };
        }

        var a = await TestSupport.Cli.RunAsync("stats", "--config", sqlite, "--json");
        var b = await TestSupport.Cli.RunAsync("stats", "--config", shared, "--json");
        Assert.Equal(Totals(a).ToJsonString(), Totals(b).ToJsonString());
        Assert.Equal(Problems * Samples, Totals(b)["attempts"]!.GetValue<long>());
    }

    [Fact]
    public async Task Four_workers_two_killed_and_restarted_answer_every_sample_once_with_sqlite_exports()
    {
        await using var endpoint = await Endpoint("429=0.05,500=0.05,reset=0.02", latencyMs: 40);
        using var pg = PostgresServer.CreateDatabase();
        var shared = Config("pg", pg.Uri, endpoint.BaseUrl);
        var ledger = RunLedger.Open(LedgerStore.For(pg.Uri, _dir.Path));
        using var _ = ledger;

        var workers = Enumerable.Range(0, 4).Select(_ => Worker.Start(_dir.Path, shared)).ToList();
        var leasesAtKills = 0L;
        try
        {
            // Kill two workers once they have answered something each, at different points of the run.
            var rng = new Random(7);
            foreach (var victim in new[] { 1, 3 })
            {
                var threshold = rng.Next(8, 30) * (victim == 1 ? 1 : 2);
                await WaitUntil(() => Scalar(ledger, "SELECT COUNT(*) FROM attempts") >= threshold || workers[victim].Process.HasExited);
                var runId = await WaitFor(() => RunOf(ledger, workers[victim].Process.Id));
                workers[victim].Process.Kill(); // SIGKILL: no chance to give anything back
                await workers[victim].Process.WaitForExitAsync();
                leasesAtKills += Scalar(ledger, $"SELECT COUNT(*) FROM leases WHERE owner = {runId}");
                workers[victim].Dispose();
                workers[victim] = Worker.Start(_dir.Path, shared);
            }

            foreach (var w in workers)
            {
                var (code, log) = await w.WaitAsync();
                Assert.True(code is 0 or 1, $"worker exit {code}: {log}");
                Assert.DoesNotContain("Unhandled exception", log, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var w in workers)
                w.Dispose();
        }

        // Samples that failed for good after every retry are what a rerun is for (on SQLite as on PostgreSQL).
        var finish = await TestSupport.Cli.RunAsync("run", "--config", shared);
        Assert.True(finish.ExitCode == 0, finish.Out + finish.Error);

        Assert.Equal(Problems * Samples, Scalar(ledger, "SELECT COUNT(*) FROM attempts"));
        Assert.Equal(Problems * Samples, Scalar(ledger, "SELECT COUNT(*) FROM (SELECT DISTINCT problem_id, sample_index FROM attempts) d"));
        Assert.Equal(Problems * Samples, Scalar(ledger, "SELECT COUNT(*) FROM verdicts"));
        Assert.Equal(0, Scalar(ledger, "SELECT COUNT(*) FROM leases")); // given back, or swept by the last run once expired
        var perRun = Scalar(ledger, "SELECT COUNT(DISTINCT run_id) FROM attempts");
        Assert.True(perRun >= 3, $"the work was shared by {perRun} runs only");

        // Every request the endpoint saw is in the ledger (answered or failed, with its retries), except those of
        // groups the killed workers held: at most one request per try of each lease outstanding at a kill.
        var recorded = Scalar(ledger, "SELECT COALESCE(SUM(tries), 0) FROM attempts") + Scalar(ledger, "SELECT COALESCE(SUM(tries), 0) FROM attempt_errors");
        var extra = endpoint.Stats.Requests - recorded;
        Assert.InRange(extra, 0, leasesAtKills * 9);

        // The same config on SQLite, one process, against the same endpoint: byte-identical exports.
        var sqlite = Config("sqlite", "sqlite", endpoint.BaseUrl);
        var single = await TestSupport.Cli.RunAsync("run", "--config", sqlite);
        Assert.True(single.ExitCode is 0 or 1, single.Out + single.Error);
        if (single.ExitCode == 1)
            Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", sqlite)).ExitCode);
        AssertSameExports(await Exports(sqlite, "sqlite"), await Exports(shared, "pg"));
    }

    [Fact]
    public async Task Two_workers_spend_a_request_budget_exactly_between_them()
    {
        await using var endpoint = await Endpoint("", latencyMs: 200);
        using var pg = PostgresServer.CreateDatabase();
        var shared = Config("pg", pg.Uri, endpoint.BaseUrl, "  budget:\n    max_requests: 37");
        var workers = Enumerable.Range(0, 2).Select(_ => Worker.Start(_dir.Path, shared)).ToList();
        foreach (var w in workers)
        {
            var (code, log) = await w.WaitAsync();
            Assert.True(code is 0 or 1, $"worker exit {code}: {log}");
            w.Dispose();
        }

        using var ledger = RunLedger.Open(LedgerStore.For(pg.Uri, _dir.Path));
        // Workers alive together share one batch and its budget; a worker that starts after the others have finished
        // (a slow start under load) begins a batch of its own, with a budget of its own, as a later single run would.
        var batches = Scalar(ledger, "SELECT COUNT(DISTINCT batch) FROM runs WHERE worker IS NOT NULL");
        Assert.InRange(batches, 1, 2);
        Assert.Equal(37 * batches, endpoint.Stats.Requests);
        Assert.Equal(37 * batches, Scalar(ledger, "SELECT COUNT(*) FROM attempts"));
        Assert.Equal(37 * batches, Scalar(ledger, "SELECT SUM(requests) FROM budget_use"));
    }

    internal static long Scalar(RunLedger ledger, string sql)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long? RunOf(RunLedger ledger, int pid)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id FROM runs WHERE worker = $w";
        cmd.Parameters.AddWithValue("$w", $"{Environment.MachineName}:{pid}");
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "timed out waiting for the workers");
            await Task.Delay(50);
        }
    }

    private static async Task<long> WaitFor(Func<long?> value)
    {
        long? v = null;
        await WaitUntil(() => (v = value()) is not null);
        return v!.Value;
    }

    /// <summary>A <c>synthdata run</c> process whose output is read as it comes (a full pipe would stall it).</summary>
    private sealed class Worker : IDisposable
    {
        private readonly Task<string> _out;
        private readonly Task<string> _err;

        private Worker(Process p)
        {
            Process = p;
            _out = p.StandardOutput.ReadToEndAsync();
            _err = p.StandardError.ReadToEndAsync();
        }

        public Process Process { get; }

        public static Worker Start(string dir, string config) => new(TestSupport.Cli.Start(dir, "run", "--config", config));

        public async Task<(int Code, string Log)> WaitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            await Process.WaitForExitAsync(timeout.Token);
            return (Process.ExitCode, await _out + await _err);
        }

        public void Dispose()
        {
            if (!Process.HasExited)
                Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }
}
