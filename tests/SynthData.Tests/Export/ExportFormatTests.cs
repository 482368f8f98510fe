using System.Text.Json.Nodes;
using Parquet.Serialization;
using SynthData.Export;

namespace SynthData.Tests.Export;

/// <summary>Every export format, line by line against its schema, on a ledger made by a real pipeline run.</summary>
public sealed class ExportFormatTests(PipelineLedger ledger) : IClassFixture<PipelineLedger>
{
    private static string Str(JsonNode? node) => node!.GetValue<string>();

    private static void AssertMessage(JsonNode? node, string role)
    {
        var m = node!.AsObject();
        Assert.Equal(role, Str(m["role"]));
        Assert.False(string.IsNullOrWhiteSpace(Str(m["content"])));
    }

    private static void AssertOrdered(IEnumerable<(string Id, int Index)> keys)
    {
        var list = keys.ToList();
        var sorted = list.OrderBy(k => k.Id, StringComparer.Ordinal).ThenBy(k => k.Index).ToList();
        Assert.Equal(sorted, list);
    }

    [Fact]
    public async Task Sft_rows_are_trl_conversations_of_accepted_traces()
    {
        var raw = await ledger.RawAsync();
        var rows = await ledger.ExportAsync("sft", "sft.jsonl");
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var messages = row["messages"]!.AsArray();
            AssertMessage(messages[^2], "user");
            AssertMessage(messages[^1], "assistant");
            Assert.StartsWith("<think>\n", Str(messages[^1]!["content"]), StringComparison.Ordinal);
            var source = raw[(Str(row["problem_id"]), (int)row["sample_index"]!)];
            Assert.True((bool)source["accepted"]!);
            Assert.True((bool)source["selected"]!);
            Assert.Equal("correct", Str(row["verifier"]!["kind"]));
            Assert.Equal("simulated", Str(row["model"]));
            Assert.NotNull(row["source"]!["kind"]);
        }

        AssertOrdered(rows.Select(r => (Str(r["problem_id"]), (int)r["sample_index"]!)));
        Assert.All(rows.GroupBy(r => Str(r["problem_id"])), g => Assert.InRange(g.Count(), 1, 2));
    }

    [Fact]
    public async Task Dpo_pairs_share_a_prompt_and_pair_an_accepted_with_a_rejected_attempt_of_the_same_problem()
    {
        var raw = await ledger.RawAsync();
        var rows = await ledger.ExportAsync("dpo", "dpo.jsonl");
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var id = Str(row["problem_id"]);
            var prompt = row["prompt"]!.AsArray();
            AssertMessage(prompt[^1], "user");
            AssertMessage(Assert.Single(row["chosen"]!.AsArray()), "assistant");
            AssertMessage(Assert.Single(row["rejected"]!.AsArray()), "assistant");
            var chosen = raw[(id, (int)row["chosen_sample_index"]!)];
            var rejected = raw[(id, (int)row["rejected_sample_index"]!)];
            Assert.True((bool)chosen["accepted"]!);
            Assert.False((bool)rejected["accepted"]!);
            Assert.Equal(Str(rejected["verdict"]!["kind"]), Str(row["rejected_kind"]));
            // One prompt for both sides: exactly the messages both attempts were sent.
            Assert.True(JsonNode.DeepEquals(prompt, chosen["messages"]));
            Assert.True(JsonNode.DeepEquals(prompt, rejected["messages"]));
            Assert.NotEqual(Str(row["chosen"]![0]!["content"]), Str(row["rejected"]![0]!["content"]));
        }

        // Pairs exactly where both sides exist (one per problem by default), wrong answers preferred over cut-off ones.
        var byProblem = raw.Values.GroupBy(r => Str(r["problem_id"])).ToList();
        var eligible = byProblem.Where(g => g.Any(r => (bool)r["selected"]!) && g.Any(r => r["verdict"] is not null && !(bool)r["accepted"]!)).ToList();
        Assert.Equal(eligible.Select(g => g.Key).Order(StringComparer.Ordinal), rows.Select(r => Str(r["problem_id"])));
        foreach (var g in eligible.Where(g => g.Any(r => Str(r["verdict"]!["kind"]) == "wrong_answer")))
            Assert.Equal("wrong_answer", Str(rows.Single(r => Str(r["problem_id"]) == g.Key)["rejected_kind"]));
        Assert.Contains(eligible, g => g.All(r => (bool)r["accepted"]! || Str(r["verdict"]!["kind"]) == "truncated"));
    }

    [Fact]
    public async Task Rl_rows_carry_ground_truth_and_pass_rate_within_the_band_and_the_parquet_twin_matches()
    {
        var raw = await ledger.RawAsync();
        var rows = await ledger.ExportAsync("rl", "rl.jsonl");
        Assert.NotEmpty(rows);
        var problems = raw.Values.GroupBy(r => Str(r["problem_id"])).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var row in rows)
        {
            Assert.StartsWith("synthdata/", Str(row["data_source"]), StringComparison.Ordinal);
            AssertMessage(Assert.Single(row["prompt"]!.AsArray()), "user");
            Assert.Equal("math", Str(row["ability"]));
            Assert.Equal("rule", Str(row["reward_model"]!["style"]));
            var info = row["extra_info"]!.AsObject();
            var attempts = problems[Str(info["problem_id"])];
            var accepted = attempts.Count(a => (bool)a["accepted"]!);
            Assert.Equal(attempts.Count, (int)info["samples"]!);
            Assert.Equal(accepted, (int)info["accepted"]!);
            Assert.Equal(Math.Round((double)accepted / attempts.Count, 6), (double)info["pass_rate"]!);
            Assert.InRange((double)info["pass_rate"]!, 0.01, 0.99);
            Assert.False(string.IsNullOrWhiteSpace(Str(row["reward_model"]!["ground_truth"])));
        }

        var inBand = problems.Count(p => p.Value.Any(a => (bool)a["accepted"]!) && !p.Value.All(a => (bool)a["accepted"]!));
        Assert.Equal(inBand, rows.Count);

        await using var stream = File.OpenRead(ledger.File("rl.parquet"));
        var result = await ParquetSerializer.DeserializeAsync<RlRow>(stream);
        Assert.Equal(["data_source", "prompt", "ability", "reward_model", "extra_info"], result.Schema.Fields.Select(f => f.Name));
        var parquet = result.Data;
        Assert.Equal(rows.Count, parquet.Count);
        for (var i = 0; i < rows.Count; i++)
            Assert.True(JsonNode.DeepEquals(rows[i], System.Text.Json.JsonSerializer.SerializeToNode(parquet[i])), $"row {i} differs");
    }

    [Fact]
    public async Task Sharegpt_rows_are_human_gpt_conversations()
    {
        var rows = await ledger.ExportAsync("sharegpt", "sharegpt.jsonl");
        var sft = await ledger.ExportAsync("sft", "sft-for-sharegpt.jsonl");
        Assert.Equal(sft.Count, rows.Count);
        foreach (var row in rows)
        {
            var turns = row["conversations"]!.AsArray();
            Assert.Equal(2, turns.Count);
            Assert.Equal("human", Str(turns[0]!["from"]));
            Assert.Equal("gpt", Str(turns[1]!["from"]));
            Assert.False(string.IsNullOrWhiteSpace(Str(turns[0]!["value"])));
            Assert.StartsWith("<think>\n", Str(turns[1]!["value"]), StringComparison.Ordinal);
            Assert.Null(row["system"]); // no system prompt configured
        }
    }

    [Fact]
    public async Task Raw_has_every_attempt_with_its_verdict()
    {
        var stats = JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", ledger.Config, "--json")).Out)!;
        var rows = await ledger.ExportAsync("raw", "raw-all.jsonl");
        Assert.Equal((long)stats["attempts"]!, rows.Count);
        Assert.Equal((long)stats["accepted"]!, rows.Count(r => (bool)r["accepted"]!));
        foreach (var row in rows)
        {
            Assert.NotNull(row["verdict"]!["kind"]);
            Assert.NotNull(row["response"]);
            Assert.NotNull(row["usage"]!["completion_tokens"]);
            Assert.NotNull(row["latency_ms"]);
            Assert.Equal("train", Str(row["split"]));
        }

        Assert.Contains(rows, r => Str(r["finish_reason"]) == "length" && Str(r["verdict"]!["kind"]) == "truncated");
    }

    [Fact]
    public async Task Training_exports_are_byte_identical_when_repeated()
    {
        foreach (var format in new[] { "sft", "dpo", "rl", "sharegpt" })
        {
            await ledger.ExportAsync(format, $"again-a.{format}.jsonl");
            await ledger.ExportAsync(format, $"again-b.{format}.jsonl");
            Assert.Equal(File.ReadAllBytes(ledger.File($"again-a.{format}.jsonl")), File.ReadAllBytes(ledger.File($"again-b.{format}.jsonl")));
        }

        Assert.Equal(File.ReadAllBytes(ledger.File("again-a.rl.parquet")), File.ReadAllBytes(ledger.File("again-b.rl.parquet")));
    }

    [Fact]
    public async Task Test_split_is_by_problem_and_seeded()
    {
        var split = ledger.WriteConfig("split.yaml", "export:\n  test_fraction: 0.3\n  split_seed: 9");
        var all = await ledger.ExportAsync("sft", "whole.jsonl");
        var r = await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", split, "--out", ledger.File("split.jsonl"));
        Assert.True(r.ExitCode == 0, r.Error);
        var train = PipelineLedger.Lines(ledger.File("split.train.jsonl"));
        var test = PipelineLedger.Lines(ledger.File("split.test.jsonl"));
        var trainIds = train.Select(x => Str(x["problem_id"])).ToHashSet();
        var testIds = test.Select(x => Str(x["problem_id"])).ToHashSet();
        Assert.NotEmpty(trainIds);
        Assert.NotEmpty(testIds);
        Assert.Empty(trainIds.Intersect(testIds));
        Assert.Equal(all.Count, train.Count + test.Count);

        var again = await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", split, "--out", ledger.File("split2.jsonl"));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(File.ReadAllBytes(ledger.File("split.test.jsonl")), File.ReadAllBytes(ledger.File("split2.test.jsonl")));
    }

    [Fact]
    public async Task Selection_strategy_and_quality_filters_change_the_export_without_new_requests()
    {
        var before = JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", ledger.Config, "--json")).Out)!;
        var shortest = ledger.WriteConfig("shortest.yaml", "filters:\n  max_tokens: 60");
        var rows = await ledger.ExportAsync("sft", "short.jsonl", shortest);
        Assert.All(rows, r => Assert.InRange((int)r["usage"]!["completion_tokens"]!, 0, 60));
        var r = await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", shortest, "--out", ledger.File("short2.jsonl"));
        Assert.Contains("too_long", r.Error, StringComparison.Ordinal);
        var after = JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", ledger.Config, "--json")).Out)!;
        Assert.Equal((long)before["requests"]!, (long)after["requests"]!);
    }
}
