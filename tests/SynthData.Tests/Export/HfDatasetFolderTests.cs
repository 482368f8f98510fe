using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SynthData.Tests.Export;

/// <summary>The Hugging Face folder: front matter that lists files that exist, and a card whose numbers match the ledger.</summary>
public sealed partial class HfDatasetFolderTests(PipelineLedger ledger) : IClassFixture<PipelineLedger>
{
    private async Task<(string Dir, string Card)> ExportAsync(string name, string? config = null)
    {
        var dir = ledger.File(name);
        var r = await TestSupport.Cli.RunAsync("export", "--format", "hf", "--config", config ?? ledger.Config, "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        return (dir, File.ReadAllText(Path.Combine(dir, "README.md")));
    }

    private static YamlMappingNode FrontMatter(string card)
    {
        Assert.StartsWith("---\n", card, StringComparison.Ordinal);
        var end = card.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(card[4..end]));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>(config, split) → path from the front matter's <c>configs</c> list.</summary>
    private static Dictionary<(string, string), string> DataFiles(string card)
    {
        var files = new Dictionary<(string, string), string>();
        foreach (YamlMappingNode config in (YamlSequenceNode)FrontMatter(card)["configs"])
        {
            var name = config["config_name"].ToString();
            foreach (YamlMappingNode f in (YamlSequenceNode)config["data_files"])
                files[(name, f["split"].ToString())] = f["path"].ToString();
        }

        return files;
    }

    [Fact]
    public async Task Front_matter_lists_every_config_and_its_files_exist_with_the_counted_rows()
    {
        var (dir, card) = await ExportAsync("hf");
        var files = DataFiles(card);
        Assert.Equal(["dpo", "grpo", "rl", "sft", "sharegpt", "sharegpt_dpo"], files.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal));
        foreach (var ((config, split), path) in files)
        {
            var lines = File.ReadAllLines(Path.Combine(dir, path));
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.NotNull(JsonNode.Parse(l)));
            Assert.Matches($"\\| `{config}` \\| [^|]+ \\| {lines.Length} \\|", card);
            Assert.Equal("train", split);
        }

        Assert.Equal(File.ReadAllBytes(ledger.File("hf/data/sft/train.jsonl")), await SftBytes());
        Assert.True(File.Exists(Path.Combine(dir, "verl", "train.parquet")));
        var info = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "dataset_info.json")))!;
        Assert.Equal("data/sharegpt/train.jsonl", (string)info["synthdata"]!["file_name"]!);
    }

    private async Task<byte[]> SftBytes()
    {
        await ledger.ExportAsync("sft", "hf-compare.sft.jsonl");
        return File.ReadAllBytes(ledger.File("hf-compare.sft.jsonl"));
    }

    [Fact]
    public async Task Card_numbers_match_the_ledger()
    {
        var (_, card) = await ExportAsync("hf-card");
        var stats = JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", ledger.Config, "--json")).Out)!;
        foreach (var s in stats["by_source"]!.AsArray())
        {
            var rate = ((double)(long)s!["accepted"]! / (long)s["samples"]!).ToString("0.0%", CultureInfo.InvariantCulture);
            Assert.Contains($"| {s["source"]} | {s["kind"]} | {s["problems"]} | {s["samples"]} | {s["accepted"]} | {s["rejected"]} | {rate} |", card, StringComparison.Ordinal);
        }

        Assert.Contains($"| **total** | | {stats["problems"]} | {stats["attempts"]} | {stats["accepted"]} | {stats["rejected"]} |", card, StringComparison.Ordinal);
        Assert.Contains($"| simulated | {stats["attempts"]} |", card, StringComparison.Ordinal);
        Assert.Contains("`{\"temperature\":0.7,\"top_p\":0.95,\"max_tokens\":160}`", card, StringComparison.Ordinal);

        // Verdict counts and filter counts against the raw export.
        var raw = await ledger.RawAsync();
        foreach (var kind in raw.Values.GroupBy(r => (string)r["verdict"]!["kind"]!))
            Assert.Contains($"| {kind.Key} | {kind.Count()} |", card, StringComparison.Ordinal);
        var version = (string)raw.Values.First(r => (string)r["verdict"]!["verifier"]! == "math")["verdict"]!["version"]!;
        Assert.Matches($"\\| math \\| {Regex.Escape(version)} \\| \\d+ \\| {stats["accepted"]} \\|", card);
        foreach (var reason in raw.Values.Where(r => r["quality_filter"] is not null).GroupBy(r => (string)r["quality_filter"]!))
            Assert.Contains($"| {reason.Key} | {reason.Count()} |", card, StringComparison.Ordinal);
        Assert.Contains("| **total** | 0 |", card, StringComparison.Ordinal); // no problem dropped
    }

    [Fact]
    public async Task A_split_gives_train_and_test_files_per_config()
    {
        var config = ledger.WriteConfig("hf-split.yaml", "export:\n  test_fraction: 0.4");
        var (dir, card) = await ExportAsync("hf-split", config);
        var files = DataFiles(card);
        Assert.Contains(("sft", "test"), files.Keys);
        Assert.Contains(("sft", "train"), files.Keys);
        Assert.All(files.Values, p => Assert.True(File.Exists(Path.Combine(dir, p)), p));
        Assert.True(File.Exists(Path.Combine(dir, "verl", "test.parquet")));

        // Switching the split off again leaves no stale test files behind.
        var (_, plain) = await ExportAsync("hf-split");
        Assert.DoesNotContain("split: test", plain, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "data", "sft", "test.jsonl")));
        Assert.False(File.Exists(Path.Combine(dir, "verl", "test.parquet")));
    }
}
