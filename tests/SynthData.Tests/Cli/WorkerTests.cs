using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SynthData.Cli;
using SynthData.Cli.Hosting;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Cli;

public sealed class WorkerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Worker_runs_a_batch_at_each_cron_occurrence_and_stops_on_request()
    {
        var config = _dir.Write("p.yaml", """
            run:
              output_dir: out
              schedule: "*/15 * * * *"
            model:
              samples_per_problem: 2
            sources:
              - generator: fractions
                count: 3
            """);
        var options = ConfigLoader.Load(config);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 10, 7, 0, TimeSpan.Zero));
        using var output = new StringWriter();
        var executor = new BatchExecutor(options, NullLoggerFactory.Instance, new CliIO(output, TextWriter.Null));
        var outcome = new BatchOutcome();
        using var service = new ScheduledBatchService(options, executor, outcome, time, NullLogger<ScheduledBatchService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.False(RunLedger.Exists(Path.Combine(_dir.Path, "out")), "no batch before the first occurrence");

        // Time moves a minute at a time, so the test never races the worker between a batch and its next wait.
        // (A slow batch may see a minute or two pass while it runs; the next occurrence is then the one after.)
        var firstAt = await AdvanceUntil(time, options, () => Runs(options) == 1);
        Assert.InRange(firstAt, new DateTimeOffset(2026, 1, 1, 10, 15, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 10, 29, 0, TimeSpan.Zero));
        var secondAt = await AdvanceUntil(time, options, () => Runs(options) == 2);
        Assert.True(secondAt >= new DateTimeOffset(2026, 1, 1, 10, 30, 0, TimeSpan.Zero), $"second batch at {secondAt}");

        await service.StopAsync(CancellationToken.None);
        Assert.Equal(ExitCodes.Interrupted, outcome.ExitCode); // stopped while idle: 130, as for a stop mid-batch
        using var ledger = RunLedger.Open(options.OutputDirectory);
        var stats = LedgerStatistics.Read(ledger);
        Assert.Equal(6, stats.Attempts); // the second batch found everything done
        Assert.Equal(6, stats.Requests);
    }

    [Fact]
    public async Task A_batch_whose_endpoint_check_fails_is_recorded_and_the_next_occurrence_makes_the_data()
    {
        // The key is rejected at the first occurrence (say, rotated on the server), accepted from then on: the worker
        // must record why the batch stopped, stay up, and sample everything at the next occurrence.
        var rejectKey = 1;
        await using var server = await ScriptedServer.StartAsync((ctx, path, _) => path switch
        {
            "GET /v1/models" when Volatile.Read(ref rejectKey) == 1 =>
                ScriptedServer.ReplyAsync(ctx, 401, """{"error":{"message":"Key revoked for maintenance","type":"invalid_request_error"}}"""),
            "GET /v1/models" => ScriptedServer.ReplyAsync(ctx, 200, ScriptedServer.ModelList("m")),
            _ => ScriptedServer.ReplyAsync(ctx, 200, ScriptedServer.Completion("The answer is \\boxed{1}.")),
        });
        var config = _dir.Write("p.yaml", $"""
            run:
              output_dir: out
              schedule: "*/15 * * * *"
            model:
              provider: openai
              endpoint: {server.BaseUrl}
              name: m
              samples_per_problem: 2
              max_retries: 0
            sources:
              - generator: fractions
                count: 3
            """);
        var options = ConfigLoader.Load(config);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 10, 7, 0, TimeSpan.Zero));
        var executor = new BatchExecutor(options, NullLoggerFactory.Instance, new CliIO(TextWriter.Null, TextWriter.Null));
        var outcome = new BatchOutcome();
        using var service = new ScheduledBatchService(options, executor, outcome, time, NullLogger<ScheduledBatchService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await AdvanceUntil(time, options, () => Runs(options) == 1);
        // The run's record is finished just before the batch's failure reaches the worker's loop.
        for (var waited = 0; outcome.ExitCode != ExitCodes.Failed && waited < 600; waited++)
            await Task.Delay(50);
        Assert.Equal(ExitCodes.Failed, outcome.ExitCode);
        Assert.Equal(0, server.Count("POST /v1/chat/completions"));
        var firstSummary = RunSummaries(options).Single();
        Assert.Contains("Key revoked for maintenance", firstSummary, StringComparison.Ordinal);

        Interlocked.Exchange(ref rejectKey, 0);
        await AdvanceUntil(time, options, () => Runs(options) == 2);
        await service.StopAsync(CancellationToken.None);

        Assert.True(server.Count("GET /v1/models") >= 2, "the second batch checked the endpoint again");
        using var ledger = RunLedger.Open(options.OutputDirectory);
        var stats = LedgerStatistics.Read(ledger);
        Assert.Equal(6, stats.Attempts);
        Assert.Equal(6, server.Count("POST /v1/chat/completions"));
    }

    private static List<string> RunSummaries(PipelineOptions options)
    {
        using var ledger = RunLedger.Open(options.OutputDirectory);
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT summary_json FROM runs WHERE finished_at IS NOT NULL ORDER BY id";
        using var r = cmd.ExecuteReader();
        var summaries = new List<string>();
        while (r.Read())
            summaries.Add(r.GetString(0));
        return summaries;
    }

    private static long Runs(PipelineOptions options) => CountRuns(options, "finished_at IS NOT NULL");

    private static bool BatchInProgress(PipelineOptions options) => CountRuns(options, "finished_at IS NULL") > 0;

    private static long CountRuns(PipelineOptions options, string where)
    {
        if (!RunLedger.Exists(options.OutputDirectory))
            return 0;
        using var ledger = RunLedger.Open(options.OutputDirectory);
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM runs WHERE " + where;
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>
    /// Advances fake time minute by minute until the condition holds, never while a batch is running; returns the fake
    /// time it held at.
    /// </summary>
    private static async Task<DateTimeOffset> AdvanceUntil(FakeTimeProvider time, PipelineOptions options, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await Task.Delay(25);
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the worker");
            if (BatchInProgress(options))
                continue;
            if (condition())
                return time.GetUtcNow();
            time.Advance(TimeSpan.FromMinutes(1));
        }
    }
}
