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
        Assert.Equal(0, r.ExitCode);
        var rows = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("a", rows[0]["id"]!.GetValue<string>());
        Assert.True(rows[0]["equivalent"]!.GetValue<bool>());
        Assert.NotNull(rows[1]["error"]);
        Assert.Equal("c", rows[2]["id"]!.GetValue<string>());
        Assert.False(rows[2]["equivalent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Stats_and_export_without_a_ledger_exit_2()
    {
        var config = _dir.Write("p.yaml", "run:\n  output_dir: empty\nsources:\n  - generator: arithmetic\n");
        Assert.Equal(2, (await TestSupport.Cli.RunAsync("stats", "--config", config)).ExitCode);
        Assert.Equal(2, (await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", config)).ExitCode);
    }
}
