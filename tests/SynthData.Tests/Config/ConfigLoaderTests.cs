using SynthData.Config;

namespace SynthData.Tests.Config;

public sealed class ConfigLoaderTests
{
    private const string Valid = """
        run:
          output_dir: out
          seed: 7
        model:
          provider: simulated
          samples_per_problem: 2
        sources:
          - generator: arithmetic
            count: 3
        """;

    [Fact]
    public void Valid_config_binds_snake_case_keys()
    {
        var o = ConfigLoader.Parse(Valid, "p.yaml");
        Assert.Equal("out", o.Run.OutputDir);
        Assert.Equal(7, o.Run.Seed);
        Assert.Equal(2, o.Model.SamplesPerProblem);
        Assert.Equal(ModelProvider.Simulated, o.Model.Provider);
        Assert.Single(o.Sources);
        Assert.Equal("arithmetic", o.Sources[0].Generator);
    }

    [Fact]
    public void Repository_default_config_is_valid()
    {
        var o = ConfigLoader.Load(Path.Combine(TestSupport.RepoPaths.Root, "pipeline.yaml"));
        Assert.Equal(ModelProvider.Simulated, o.Model.Provider);
        Assert.NotEmpty(o.Sources);
        Assert.Contains("\\boxed{}", o.Model.PromptTemplate.Math, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model:\n  samples_per_problme: 2\n", 2, "model.samples_per_problme", "unknown key; did you mean 'samples_per_problem'?")]
    [InlineData("model:\n  temprature: 0.2\n", 2, "model.temprature", "did you mean 'temperature'?")]
    [InlineData("run:\n  max-problems: 3\n", 2, "run.max-problems", "did you mean 'max_problems'?")]
    [InlineData("mdoel:\n  name: x\n", 1, "mdoel", "did you mean 'model'?")]
    [InlineData("model:\n  samples_per_problem: lots\n", 2, "model.samples_per_problem", "whole number")]
    [InlineData("model:\n  samples_per_problem: 0\n", 2, "model.samples_per_problem", "between 1 and 1024")]
    [InlineData("model:\n  temperature: 3.5\n", 2, "model.temperature", "between 0 and 2")]
    [InlineData("model:\n  provider: anthropic\n", 2, "model.provider", "simulated, openai")]
    [InlineData("model:\n  provider: openai\n", 1, "model.endpoint", "required when provider is openai")]
    [InlineData("model:\n  api_key_env: sk-123-abc\n", 2, "model.api_key_env", "NAME of an environment variable")]
    [InlineData("run:\n  schedule: every day\n", 2, "run.schedule", "cron")]
    [InlineData("run:\n  output_dir: [a, b]\n", 2, "run.output_dir", "text value")]
    public void Errors_name_line_and_key(string section, int line, string key, string message)
    {
        var yaml = section + "sources:\n  - generator: arithmetic\n";
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "p.yaml"));
        var error = Assert.Single(e.Errors);
        Assert.Equal("p.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"p.yaml:{line}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_unlike_any_valid_one_gets_no_suggestion()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("model:\n  banana_split: 2\nsources:\n  - generator: arithmetic\n", "p.yaml"));
        Assert.DoesNotContain("did you mean", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_errors_point_at_the_list_item()
    {
        var yaml = "sources:\n  - generator: arithmetic\n  - generator: no_such_thing\n    count: 2\n  - dataset: x.jsonl\n    generator: arithmetic\n";
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "p.yaml"));
        Assert.Contains(e.Errors, x => x.Key == "sources[1].generator" && x.Line == 3 && x.Message.Contains("unknown generator", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.Key.StartsWith("sources[2]", StringComparison.Ordinal) && x.Message.Contains("exactly one", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_sources_is_an_error()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("run:\n  seed: 1\n", "p.yaml"));
        Assert.Contains(e.Errors, x => x.Key == "sources");
    }

    [Fact]
    public void Invalid_yaml_reports_its_position()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("run:\n  seed: [1, 2\nmodel: x\n", "p.yaml"));
        Assert.True(e.Errors[0].Line >= 2);
        Assert.Contains("invalid YAML", e.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_clear_error()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load("/nonexistent/pipeline.yaml"));
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_errors_are_reported_together_in_file_order()
    {
        var yaml = "model:\n  concurrency: 0\n  top_p: 2\nbogus: 1\nsources:\n  - generator: arithmetic\n";
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "p.yaml"));
        Assert.Equal(["model.concurrency", "model.top_p", "bogus"], e.Errors.Select(x => x.Key));
    }

    [Fact]
    public void A_key_that_fails_to_bind_is_not_reported_again_by_validation()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("model:\n  provider: openai\n  endpoint: [x]\nsources:\n  - generator: arithmetic\n", "p.yaml"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("model.endpoint", 3), (error.Key, error.Line));
    }

    [Fact]
    public void Added_checks_report_with_the_loaders_errors()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("model:\n  faults: nonsense\n  top_p: 5\nsources:\n  - generator: arithmetic\n", "p.yaml",
            o => o.Model.Faults == "nonsense" ? [("model.faults", "bad spec")] : []));
        Assert.Equal([("model.faults", 2), ("model.top_p", 3)], e.Errors.Select(x => (x.Key, x.Line)));
    }

    [Fact]
    public void A_second_yaml_document_is_an_error()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("sources:\n  - generator: arithmetic\n---\nrun:\n  seed: 1\n", "p.yaml"));
        Assert.Contains("one YAML document", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }
}
