using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Cli;

/// <summary>The command-line contract of DESIGN.md §2: outputs and exit codes.</summary>
public sealed class CliContractTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Generate_prints_deterministic_problem_jsonl()
    {
        var a = await TestSupport.Cli.RunAsync("generate", "--generator", "linear_equation", "--count", "5", "--seed", "9", "--difficulty", "3");
        var b = await TestSupport.Cli.RunAsync("generate", "--generator", "linear_equation", "--count", "5", "--seed", "9", "--difficulty", "3");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        var lines = a.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        foreach (var line in lines)
        {
            var o = JsonNode.Parse(line)!.AsObject();
            Assert.Equal("math", o["domain"]!.GetValue<string>());
            Assert.Matches("^[0-9a-f]{16}$", o["id"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(o["answer"]!.GetValue<string>()));
            Assert.Equal("generator", o["source"]!["kind"]!.GetValue<string>());
            Assert.Equal(9, o["source"]!["seed"]!.GetValue<long>());
            Assert.Equal(3, o["source"]!["difficulty"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Generators_lists_at_least_eight_math_families()
    {
        var r = await TestSupport.Cli.RunAsync("generators");
        Assert.Equal(0, r.ExitCode);
        Assert.True(r.Out.Split('\n').Count(l => l.Contains(" math ", StringComparison.Ordinal)) >= 8, r.Out);
    }

    [Theory]
    [InlineData(new[] { "generate", "--generator", "nope" }, "unknown generator")]
    [InlineData(new[] { "generate", "--generator", "arithmetic", "--difficulty", "99" }, "--difficulty")]
    [InlineData(new[] { "generate", "--count", "x" }, "error")]
    [InlineData(new[] { "frobnicate" }, "error")]
    [InlineData(new[] { "run", "--config", "/nonexistent/pipeline.yaml" }, "not found")]
    [InlineData(new[] { "export", "--format", "csv" }, "error")]
    [InlineData(new[] { "verify", "math", "--gold", "1" }, "--pred")]
    public async Task Bad_usage_exits_2_with_a_message(string[] args, string message)
    {
        var r = await TestSupport.Cli.RunAsync(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_error_exits_2_naming_file_line_and_key()
    {
        var config = _dir.Write("p.yaml", "run:\n  seed: 1\nmodel:\n  concurrency: -4\nsources:\n  - generator: arithmetic\n");
        var r = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{config}:4:3: model.concurrency: must be between 1 and 4096 (got -4)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_fault_spec_is_a_located_config_error()
    {
        var config = _dir.Write("p.yaml", "model:\n  faults: \"429=2\"\nsources:\n  - generator: arithmetic\n");
        var r = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(":2:", r.Error, StringComparison.Ordinal);
        Assert.Contains("model.faults", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\frac{1}{2}", "The answer is \\boxed{0.5}.", 0, true)]
    [InlineData("42", "so we get \\boxed{41}", 1, false)]
    public async Task Verify_math_single_prints_json_and_exit_code(string gold, string pred, int exit, bool equivalent)
    {
        var r = await TestSupport.Cli.RunAsync("verify", "math", "--gold", gold, "--pred", pred);
        Assert.Equal(exit, r.ExitCode);
        var o = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal(equivalent, o["equivalent"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(o["reason"]!.GetValue<string>()));
        Assert.True(o.ContainsKey("extracted"));
    }

    [Fact]
    public async Task Verify_math_batch_keeps_order_and_reports_bad_lines()
    {
        var input = _dir.Write("in.jsonl", string.Join('\n',
            """{"id": "a", "gold": "2", "pred": "\\boxed{2}"}""",
            """not json""",
            """{"id": "c", "gold": "3", "pred": "\\boxed{4}"}""") + "\n");
        var output = _dir.File("out.jsonl");
        var r = await TestSupport.Cli.RunAsync("verify", "math", "--input", input, "--output", output);
        Assert.Equal(2, r.ExitCode); // one malformed line: said in its result, counted on stderr
        Assert.Contains("1 with input errors", r.Error, StringComparison.Ordinal);
        var rows = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("a", rows[0]["id"]!.GetValue<string>());
        Assert.True(rows[0]["equivalent"]!.GetValue<bool>());
        Assert.NotNull(rows[1]["error"]);
        Assert.Equal("c", rows[2]["id"]!.GetValue<string>());
        Assert.False(rows[2]["equivalent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Verify_math_batch_of_good_lines_exits_0_whatever_the_verdicts()
    {
        var input = _dir.Write("good.jsonl", """{"id": "a", "gold": "2", "pred": "3"}""" + "\n");
        var r = await TestSupport.Cli.RunAsync("verify", "math", "--input", input);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("1 lines from", r.Error, StringComparison.Ordinal);
        Assert.False(JsonNode.Parse(r.Out)!["equivalent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Stats_and_export_without_a_ledger_exit_2()
    {
        var config = _dir.Write("p.yaml", "run:\n  output_dir: empty\nsources:\n  - generator: arithmetic\n");
        Assert.Equal(2, (await TestSupport.Cli.RunAsync("stats", "--config", config)).ExitCode);
        Assert.Equal(2, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", config)).ExitCode);
    }

    [Fact]
    public async Task Verify_math_batch_answers_every_input_line_even_blank_and_undecodable_ones()
    {
        var input = _dir.Write("in.jsonl", string.Join('\n',
            """{"id": 1, "gold": 5, "pred": "5"}""",
            "",
            """{"id": 3, "gold": "2", "pred": "\ud800 2"}""",
            """{"id": 4, "gold": "2", "pred": "2"}""") + "\n");
        var r = await TestSupport.Cli.RunAsync("verify", "math", "--input", input, "--output", _dir.File("out.jsonl"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("2 with input errors", r.Error, StringComparison.Ordinal);
        var rows = File.ReadAllLines(_dir.File("out.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(4, rows.Count);
        Assert.True(rows[0]["equivalent"]!.GetValue<bool>()); // numeric gold accepted
        Assert.Contains("empty line", rows[1]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(rows[2]["error"]);
        Assert.True(rows[3]["equivalent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Hedging_between_two_boxed_answers_is_rejected()
    {
        var r = await TestSupport.Cli.RunAsync("verify", "math", "--gold", "4", "--pred", "The answer is $\\boxed{5}$, or possibly $\\boxed{4}$.");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("hedging", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_into_an_existing_directory_is_a_clear_error()
    {
        var config = _dir.Write("p.yaml", "run:\n  output_dir: out\nmodel:\n  samples_per_problem: 1\nsources:\n  - generator: arithmetic\n    count: 2\n");
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", config)).ExitCode);
        Directory.CreateDirectory(_dir.File("adir"));
        var r = await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", config, "--out", _dir.File("adir"));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_dataset_file_is_a_located_config_error()
    {
        var config = _dir.Write("p.yaml", "sources:\n  - generator: arithmetic\n  - dataset: nowhere.jsonl\n    format: gsm8k\n");
        var r = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(":3:", r.Error, StringComparison.Ordinal);
        Assert.Contains("sources[1].dataset: dataset file not found", r.Error, StringComparison.Ordinal);
    }
}
