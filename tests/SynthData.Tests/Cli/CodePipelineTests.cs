using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Cli;

/// <summary>Code problems through the whole CLI: run (sandboxed verification) → export, and batch <c>verify code</c>.</summary>
public sealed class CodePipelineTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_on_code_sources_exports_verified_code_traces()
    {
        var humaneval = Path.Combine(RepoPaths.Root, "problems", "humaneval_sample.jsonl");
        var config = _dir.Write("p.yaml", $"""
            run:
              output_dir: out
            model:
              samples_per_problem: 3
              accuracy: 0.7
            sources:
              - generator: merge_intervals
                count: 4
                difficulty: 2
              - dataset: {humaneval}
                format: humaneval
                limit: 4
            """);
        var run = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("passed", run.Out, StringComparison.Ordinal);
        Assert.Contains("failed", run.Out, StringComparison.Ordinal); // the simulated model's buggy programs are caught

        var export = await TestSupport.Cli.RunAsync("export", "--format", "sft", "--config", config, "--out", _dir.File("sft.jsonl"));
        Assert.Equal(0, export.ExitCode);
        var rows = File.ReadAllLines(_dir.File("sft.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Equal("code", r["domain"]!.GetValue<string>());
            Assert.Equal("code-sandbox", r["verifier"]!["name"]!.GetValue<string>());
            Assert.Equal("passed", r["verifier"]!["kind"]!.GetValue<string>());
            Assert.Contains("```python", r["messages"]!.AsArray()[^1]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Verify_code_batch_judges_programs_in_order()
    {
        var input = _dir.Write("in.jsonl", string.Join('\n',
            """{"id": "ok", "code": "def add(a, b):\n    return a + b\n", "tests": "assert add(2, 3) == 5"}""",
            """{"id": "bad", "code": "```python\ndef add(a, b):\n    return a - b\n```", "tests": "assert add(2, 3) == 5"}""",
            """{"id": "io", "code": "print(int(input()) * 2)", "stdin": "21\n", "expected_stdout": "42\n"}""",
            """{"id": "broken" """,
            "",
            """{"id": "think", "code": "<think>```python\nprint(2)\n```</think>\nDone.", "stdin": "", "expected_stdout": "2\n"}""") + "\n");
        var r = await TestSupport.Cli.RunAsync("verify", "code", "--input", input, "--output", _dir.File("out.jsonl"));
        Assert.True(r.ExitCode == 0, r.Error);
        var rows = File.ReadAllLines(_dir.File("out.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["ok", "bad", "io", null, null, "think"], rows.Select(x => x["id"]?.GetValue<string>()));
        Assert.Equal([true, false, true, false, false, false], rows.Select(x => x["passed"]!.GetValue<bool>()));
        Assert.NotNull(rows[3]["error"]);
        Assert.NotNull(rows[4]["error"]); // a blank line still gets its result line
        Assert.Contains("no code", rows[5]["reason"]!.GetValue<string>(), StringComparison.Ordinal); // code only inside <think>
        Assert.All(rows.Take(3), x => Assert.True(x["duration_ms"]!.GetValue<double>() >= 0));
    }

    [Fact]
    public async Task Solve_prints_each_sample_with_its_verdict()
    {
        var r = await TestSupport.Cli.RunAsync("solve", "--problem", "What is 17 + 25?", "--answer", "42", "--samples", "3",
            "--config", _dir.Write("p.yaml", "model:\n  accuracy: 1.0\nsources:\n  - generator: arithmetic\n"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(3, r.Out.Split("── sample").Length - 1);
        Assert.Contains("verdict: ", r.Out, StringComparison.Ordinal);
        Assert.Contains("/3 accepted", r.Out, StringComparison.Ordinal);
    }
}
