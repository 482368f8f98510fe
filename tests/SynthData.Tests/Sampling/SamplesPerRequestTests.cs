using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Model;
using SynthData.Problems;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Sampling;

/// <summary>
/// <c>model.samples_per_request: k</c> asks for k choices in one request (OpenAI's <c>n</c>) and still records one ledger
/// row per sample index, with exact resume: a group with some indexes missing is asked again with the very request
/// that would have produced them, so an interrupted run ends with the same exports as an uninterrupted one.
/// </summary>
public sealed class SamplesPerRequestTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Config(Uri endpoint, string output, int perRequest) => _dir.Write(output + ".yaml", $"""
        run:
          output_dir: {output}
          seed: 11
        model:
          provider: openai
          endpoint: {endpoint}
          name: simulated
          samples_per_problem: 4
          samples_per_request: {perRequest}
        selection:
          keep_per_problem: 4
        sources:
          - generator: arithmetic
            count: 3
            seed: 3
            difficulty: 1
        """);

    private static async Task<SimulatedEndpoint> Recording() =>
        await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions { RecordRequests = true, Accuracy = 0.5 },
            // The configured source's problems, so the simulated model answers them (some right, some wrong).
            new SimulatedAnswerBook(GeneratorRunner.Generate(GeneratorCatalog.All.First(g => g.Name == "arithmetic"), 3, 1, 3).ToList()),
            CancellationToken.None);

    private static List<JsonObject> ChatBodies(SimulatedEndpoint e) =>
        [.. e.Received.Bodies.Where(b => b["max_tokens"]?.ToJsonString() != "1")];

    private void Sql(string output, string sql)
    {
        using var db = new SqliteConnection($"Data Source={_dir.File(output + "/ledger.db")};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private List<(string Problem, long Index, string Sampling)> Attempts(string output)
    {
        using var db = new SqliteConnection($"Data Source={_dir.File(output + "/ledger.db")};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT problem_id, sample_index, sampling_json FROM attempts ORDER BY problem_id, sample_index";
        using var r = cmd.ExecuteReader();
        var rows = new List<(string, long, string)>();
        while (r.Read())
            rows.Add((r.GetString(0), r.GetInt64(1), r.GetString(2)));
        return rows;
    }

    private async Task<Dictionary<string, byte[]>> Exports(string config, string output)
    {
        var files = new Dictionary<string, byte[]>();
        foreach (var format in new[] { "sft", "dpo", "rl", "sharegpt" })
        {
            var file = _dir.File($"{output}-{format}.jsonl");
            var export = await TestSupport.Cli.RunAsync("export", "--format", format, "--out", file, "--config", config);
            Assert.True(export.ExitCode == 0, export.Out + export.Error);
            files[format] = await File.ReadAllBytesAsync(file);
        }

        return files;
    }

    [Fact]
    public async Task Choices_of_one_request_become_one_ledger_row_per_sample_index()
    {
        await using var endpoint = await Recording();
        var run = await TestSupport.Cli.RunAsync("run", "--config", Config(endpoint.BaseUrl, "out", perRequest: 2));
        Assert.True(run.ExitCode == 0, run.Out + run.Error);

        var bodies = ChatBodies(endpoint);
        Assert.Equal(6, bodies.Count); // 3 problems x 4 samples in requests of 2
        Assert.All(bodies, b => Assert.Equal("2", b["n"]?.ToJsonString()));
        Assert.Equal(6, bodies.Select(b => b["seed"]!.ToJsonString()).Distinct().Count());

        var attempts = Attempts("out");
        Assert.Equal(12, attempts.Count);
        foreach (var problem in attempts.GroupBy(a => a.Problem))
        {
            Assert.Equal([0L, 1, 2, 3], problem.Select(a => a.Index));
            var records = problem.Select(a => JsonNode.Parse(a.Sampling)!.AsObject()).ToList();
            // Indexes 0,1 share the first request (its seed), 2,3 the second; each says which choice it was.
            Assert.Equal(records[0]["seed"]!.ToJsonString(), records[1]["seed"]!.ToJsonString());
            Assert.Equal(records[2]["seed"]!.ToJsonString(), records[3]["seed"]!.ToJsonString());
            Assert.NotEqual(records[0]["seed"]!.ToJsonString(), records[2]["seed"]!.ToJsonString());
            Assert.Equal(["0", "1", "0", "1"], records.Select(r => r["choice"]!.ToJsonString()));
            Assert.All(records, r => Assert.Equal("2", r["n"]?.ToJsonString()));
        }
    }

    [Fact]
    public async Task A_run_that_lost_some_choices_of_a_group_resumes_to_byte_identical_exports()
    {
        await using var endpoint = await Recording();
        var whole = Config(endpoint.BaseUrl, "whole", perRequest: 2);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", whole)).ExitCode);

        var cut = Config(endpoint.BaseUrl, "cut", perRequest: 2);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", cut)).ExitCode);
        // As if the run had died before these rows were written: one choice of each group of one problem, a whole
        // group of another, and nothing of the third.
        var problems = Attempts("cut").Select(a => a.Problem).Distinct().Order(StringComparer.Ordinal).ToList();
        var lost = $"(problem_id = '{problems[0]}' AND sample_index IN (1, 2)) OR (problem_id = '{problems[1]}' AND sample_index IN (2, 3))";
        Sql("cut", $"DELETE FROM verdicts WHERE {lost}; DELETE FROM attempts WHERE {lost};");
        Assert.Equal(8, Attempts("cut").Count);

        var before = ChatBodies(endpoint).Count;
        var resumed = await TestSupport.Cli.RunAsync("run", "--config", cut);
        Assert.True(resumed.ExitCode == 0, resumed.Out + resumed.Error);
        Assert.Equal(3, ChatBodies(endpoint).Count - before); // the three groups that lost a choice, asked again whole

        Assert.Equal(Attempts("whole").Select(a => (a.Problem, a.Index, a.Sampling)), Attempts("cut").Select(a => (a.Problem, a.Index, a.Sampling)));
        var expected = await Exports(whole, "whole");
        var got = await Exports(cut, "cut");
        foreach (var (format, bytes) in expected)
        {
            Assert.True(bytes.Length > 0, $"{format} export is empty");
            Assert.True(bytes.AsSpan().SequenceEqual(got[format]), $"{format} export differs after resume");
        }
    }

    /// <summary>
    /// Why one request of k choices is not the same data as k requests: the API takes one seed per request, so the
    /// choices cannot have the seeds k separate requests would. The ledger therefore treats the grouping as a setting.
    /// </summary>
    [Fact]
    public async Task Changing_the_grouping_over_a_ledger_is_a_settings_change()
    {
        await using var endpoint = await Recording();
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", Config(endpoint.BaseUrl, "out", perRequest: 1))).ExitCode);
        var regrouped = await TestSupport.Cli.RunAsync("run", "--config", Config(endpoint.BaseUrl, "out", perRequest: 4));
        Assert.Equal(2, regrouped.ExitCode);
        Assert.Contains("model.samples_per_request", regrouped.Error, StringComparison.Ordinal);
    }
}
