using SynthData.Config;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Config;

/// <summary>The sampling keys (top_k ... extra_body, token_limit_field, samples_per_request): bad values are located errors.</summary>
public sealed class SamplingOptionsValidationTests
{
    private static ConfigError Error(string model)
    {
        var yaml = "model:\n" + model + "\nsources:\n  - generator: arithmetic\n";
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "p.yaml"));
        var error = Assert.Single(e.Errors);
        Assert.Equal("p.yaml", error.File);
        return error;
    }

    [Theory]
    [InlineData("  top_k: 0", 2, "model.top_k", "-1 (off) or at least 1")]
    [InlineData("  top_k: -2", 2, "model.top_k", "between -1 and")]
    [InlineData("  top_k: many", 2, "model.top_k", "whole number")]
    [InlineData("  min_p: 1.5", 2, "model.min_p", "between 0 and 1")]
    [InlineData("  repetition_penalty: 0", 2, "model.repetition_penalty", "between 0.01 and 10")]
    [InlineData("  presence_penalty: 2.5", 2, "model.presence_penalty", "between -2 and 2")]
    [InlineData("  frequency_penalty: -3", 2, "model.frequency_penalty", "between -2 and 2")]
    [InlineData("  stop: []", 2, "model.stop", "non-empty list")]
    [InlineData("  stop: [\"\"]", 2, "model.stop", "non-empty strings")]
    [InlineData("  reasoning_effort: High!", 2, "model.reasoning_effort", "lower-case word")]
    [InlineData("  token_limit_field: max_output_tokens", 2, "model.token_limit_field", "max_completion_tokens")]
    [InlineData("  samples_per_request: 0", 2, "model.samples_per_request", "between 1 and 128")]
    [InlineData("  stream: true\n  samples_per_request: 2", 3, "model.samples_per_request", "stream: false")]
    [InlineData("  extra_body: yes", 2, "model.extra_body", "mapping")]
    [InlineData("  extra_body:\n    temperature: 1", 2, "model.extra_body", "set model.temperature instead")]
    [InlineData("  extra_body:\n    n: 4", 2, "model.extra_body", "model.samples_per_request")]
    [InlineData("  extra_body:\n    max_completion_tokens: 10", 2, "model.extra_body", "model.token_limit_field")]
    [InlineData("  extra_body:\n    \"bad key\": 1", 2, "model.extra_body", "letters, digits and underscores")]
    public void A_bad_sampling_value_names_its_line_and_key(string model, int line, string key, string message)
    {
        var error = Error(model);
        Assert.Equal((key, line), (error.Key, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_body_keeps_yaml_types_and_quoted_text_stays_text()
    {
        var o = ConfigLoader.Parse("""
            model:
              extra_body:
                chat_template_kwargs:
                  enable_thinking: false
                priority: 3
                scale: 0.5
                tag: "007"
                labels: [a, 2]
                nothing: null
            sources:
              - generator: arithmetic
            """, "p.yaml");
        Assert.Equal(
            """{"chat_template_kwargs":{"enable_thinking":false},"priority":3,"scale":0.5,"tag":"007","labels":["a",2],"nothing":null}""",
            o.Model.ExtraBody!.ToJsonString());
    }

    [Fact]
    public void Null_leaves_a_parameter_unset()
    {
        var o = ConfigLoader.Parse("model:\n  temperature: null\n  top_p: ~\n  max_tokens: null\nsources:\n  - generator: arithmetic\n", "p.yaml");
        Assert.Null(o.Model.Temperature);
        Assert.Null(o.Model.TopP);
        Assert.Null(o.Model.MaxTokens);
    }

    [Fact]
    public async Task A_run_with_a_bad_sampling_value_exits_2_naming_file_line_and_key()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("p.yaml", "run:\n  output_dir: out\nmodel:\n  min_p: 2\nsources:\n  - generator: arithmetic\n    count: 2\n");
        var run = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("p.yaml:4", run.Error, StringComparison.Ordinal);
        Assert.Contains("model.min_p", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out/ledger.db")), "a bad config must not start a ledger");
    }

    [Fact]
    public void Unknown_sampling_key_suggests_the_nearest()
    {
        var error = Error("  top_kk: 20");
        Assert.Equal("model.top_kk", error.Key);
        Assert.Contains("did you mean 'top_k'?", error.Message, StringComparison.Ordinal);
    }
}
