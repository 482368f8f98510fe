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
        Assert.True(r.ExitCode == 2, r.Error); // two malformed lines
        Assert.Contains("6 lines from", r.Error, StringComparison.Ordinal);
        Assert.Contains("2 with input errors", r.Error, StringComparison.Ordinal);
        var rows = File.ReadAllLines(_dir.File("out.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["ok", "bad", "io", null, null, "think"], rows.Select(x => x["id"]?.GetValue<string>()));
        Assert.Equal([true, false, true, false, false, false], rows.Select(x => x["passed"]!.GetValue<bool>()));
        Assert.NotNull(rows[3]["error"]);
        Assert.NotNull(rows[4]["error"]); // a blank line still gets its result line
        Assert.Contains("no code", rows[5]["reason"]!.GetValue<string>(), StringComparison.Ordinal); // code only inside <think>
        Assert.All(rows.Take(3), x => Assert.True(x["duration_ms"]!.GetValue<double>() >= 0));
    }

    [Fact]
    public async Task Verify_code_accepts_every_test_shape_and_scores_each_row()
    {
        // Problems exactly as `generate` prints them, plus the program: function_tests with entry_point.
        var generated = await TestSupport.Cli.RunAsync("generate", "--generator", "roman_numerals", "--count", "2", "--seed", "5");
        Assert.Equal(0, generated.ExitCode);
        var lines = generated.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
        {
            var problem = JsonNode.Parse(l)!.AsObject();
            problem["code"] = problem["solution"]!.GetValue<string>();
            return problem.ToJsonString();
        }).ToList();
        lines.AddRange(
        [
            """{"id": "apps-call", "code": "def f(x):\n    return x * 3 if x != 2 else 0\n", "inputs": [[1], [2], [3], [4]], "outputs": [[3], [6], [9], [12]], "fn_name": "f"}""",
            """{"id": "apps-io", "code": "print(sum(map(int, input().split())))", "inputs": ["1 2\n", "5 5\n"], "outputs": ["3\n", "10\n"]}""",
            """{"id": "tolerant", "code": "print(1 / 3)", "stdin": "", "expected_stdout": "0.333333\n", "float_tolerance": 1e-6}""",
            """{"id": "strict", "code": "print(1 / 3)", "stdin": "", "expected_stdout": "0.333333\n"}""",
            """{"id": "asserts", "code": "def g():\n    return 1\n", "tests": "assert g() == 1"}""",
        ]);
        var input = _dir.Write("shapes.jsonl", string.Join('\n', lines) + "\n");
        var r = await TestSupport.Cli.RunAsync("verify", "code", "--input", input, "--output", _dir.File("out.jsonl"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("0 with input errors", r.Error, StringComparison.Ordinal);
        var rows = File.ReadAllLines(_dir.File("out.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([true, true, false, true, true, false, true], rows.Select(x => x["passed"]!.GetValue<bool>()));
        Assert.Equal([1, 1, 0.75, 1, 1, 0, 1], rows.Select(x => x["score"]!.GetValue<double>()));
        Assert.All(rows, x => Assert.Null(x["error"]));
    }

    [Fact]
    public async Task Verify_code_rows_with_bad_tests_get_an_error_naming_the_field()
    {
        var input = _dir.Write("bad.jsonl", string.Join('\n',
            """{"id": 1, "code": "print(1)", "inputs": ["1\n"], "outputs": []}""",
            """{"id": 2, "code": "print(1)", "stdin": "", "expected_stdout": "1\n", "tests": "assert True"}""",
            """{"id": 3, "code": "print(1)", "inputs": ["\n"], "outputs": ["1\n"], "float_tolerance": "small"}""",
            """{"id": 4, "code": "def f(): pass", "function_tests": [{"args": []}], "entry_point": "f"}""",
            """{"id": 5, "code": "print(1)", "inputs": ["\n"], "outputs": ["1\n"]}""") + "\n");
        var r = await TestSupport.Cli.RunAsync("verify", "code", "--input", input);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("4 with input errors", r.Error, StringComparison.Ordinal);
        var rows = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Contains("'outputs'", rows[0]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("exactly one kind of tests", rows[1]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("'float_tolerance'", rows[2]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("expected", rows[3]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(rows.Take(4), x => Assert.Equal(0.0, x["score"]!.GetValue<double>()));
        Assert.True(rows[4]["passed"]!.GetValue<bool>());
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
