using SynthData.Config;
using SynthData.Selection;

namespace SynthData.Tests.Config;

/// <summary>The selection, export, filter, dedup and decontamination keys bind strictly and report bad values where they are.</summary>
public sealed class CurationOptionsTests
{
    private const string Sources = "sources:\n  - generator: arithmetic\n";

    [Fact]
    public void Curation_keys_bind()
    {
        var o = ConfigLoader.Parse("""
            selection:
              keep_per_problem: 3
              strategy: distinct
              rl_pass_rate: "[0.2, 0.8]"
            export:
              test_fraction: 0.1
              dpo:
                pairs_per_problem: 2
                rejected_kinds: [wrong_answer]
            filters:
              min_tokens: 10
              hedging: false
            dedup:
              near_threshold: null
            decontamination:
              ngram: 8
              benchmarks:
                - path: bench.jsonl
                  format: gsm8k
            """ + "\n" + Sources, "p.yaml");
        Assert.Equal(SelectionStrategy.Distinct, o.Selection.Strategy);
        Assert.Equal(new PassRateBand(0.2, true, 0.8, true), PassRateBand.Parse(o.Selection.RlPassRate));
        Assert.Equal(0.1, o.Export.TestFraction);
        Assert.Equal(["wrong_answer"], o.Export.Dpo.RejectedKinds);
        Assert.Equal(10, o.Filters.MinTokens);
        Assert.False(o.Filters.Hedging);
        Assert.True(o.Filters.MixedLanguage);
        Assert.Null(o.Dedup.NearThreshold);
        Assert.Equal("bench.jsonl", Assert.Single(o.Decontamination.Benchmarks).Path);
        Assert.Equal(8, o.Decontamination.Ngram);
    }

    [Theory]
    [InlineData("selection:\n  rl_pass_rate: \"0..1\"\n", 2, "selection.rl_pass_rate", "interval")]
    [InlineData("selection:\n  strategy: best\n", 2, "selection.strategy", "first, shortest, random, distinct")]
    [InlineData("export:\n  test_fraction: 1.5\n", 2, "export.test_fraction", "between 0 and 1")]
    [InlineData("filters:\n  min_tokens: 50\n  max_tokens: 10\n", 3, "filters.max_tokens", "at least filters.min_tokens")]
    [InlineData("filters:\n  hedgeing: true\n", 2, "filters.hedgeing", "unknown key")]
    [InlineData("dedup:\n  near_threshold: 2\n", 2, "dedup.near_threshold", "between")]
    [InlineData("decontamination:\n  benchmarks:\n    - format: gsm8k\n", 3, "decontamination.benchmarks[0].path", "is required")]
    [InlineData("decontamination:\n  benchmarks:\n    - path: x.jsonl\n      format: parquet\n", 4, "decontamination.benchmarks[0].format", "unknown format")]
    public void Bad_values_are_located(string section, int line, string key, string message)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(section + Sources, "p.yaml"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(key, error.Key);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_config_lists_the_four_default_benchmarks()
    {
        var o = ConfigLoader.Load(Path.Combine(TestSupport.RepoPaths.Root, "pipeline.yaml"));
        Assert.Equal(["gsm8k_test", "math_test", "humaneval", "mbpp"], o.Decontamination.Benchmarks.Select(b => b.Name));
        // Self-contained: every default benchmark is a file inside the repository.
        var root = Path.GetFullPath(TestSupport.RepoPaths.Root) + Path.DirectorySeparatorChar;
        Assert.All(o.Decontamination.Benchmarks, b =>
        {
            Assert.StartsWith("data/benchmarks/", b.Path, StringComparison.Ordinal);
            var full = Path.GetFullPath(Path.Combine(TestSupport.RepoPaths.Root, b.Path));
            Assert.StartsWith(root, full, StringComparison.Ordinal);
            Assert.True(File.Exists(full), full);
        });
    }
}
