using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Verification.Code;

/// <summary><c>synthdata audit code</c> on labelled programs, through the CLI and the real sandbox.</summary>
[Collection(SandboxCollection.Name)]
public sealed class AuditCodeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Row(string id, string code, string tests, bool expected, string category, string extra = "") =>
        new JsonObject { ["id"] = id, ["code"] = code, ["tests"] = tests, ["entry_point"] = "add", ["expected"] = expected, ["category"] = category }
            .ToJsonString().TrimEnd('}') + extra + "}";

    [Fact]
    public async Task Counts_agreement_precision_recall_by_category_and_kind_and_lists_each_disagreement()
    {
        const string Tests = "assert add(2, 3) == 5\nassert add(1, 1) == 2";
        var lines = new[]
        {
            Row("tp", "def add(a, b):\n    return a + b", Tests, true, "assert"),
            Row("tn", "def add(a, b):\n    return a - b", Tests, false, "assert"),
            Row("fp-label", "```python\ndef add(a, b):\n    return b + a\n```", Tests, false, "assert"),
            Row("miss-timeout", "def add(a, b):\n    while True:\n        pass", Tests, true, "loops", ", \"timeout_s\": 1"),
            """{"id": "io", "code": "print(int(input()) * 2)", "inputs": ["4\n", "5\n"], "outputs": ["8\n", "10\n"], "expected": true, "category": "stdio"}""",
            """{"id": "none", "code": "<think>def add(a, b): return a + b</think> I cannot do this.", "tests": "assert add(1, 2) == 3", "expected": false}""",
        };
        var input = _dir.Write("labelled.jsonl", string.Join('\n', lines) + "\n");

        var r = await TestSupport.Cli.RunAsync("audit", "code", "--input", input, "--json");

        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        var report = JsonNode.Parse(r.Out)!;
        var overall = report["overall"]!;
        Assert.Equal(6, overall["cases"]!.GetValue<int>());
        Assert.Equal(2, overall["true_positives"]!.GetValue<int>());
        Assert.Equal(1, overall["false_positives"]!.GetValue<int>());
        Assert.Equal(2, overall["true_negatives"]!.GetValue<int>());
        Assert.Equal(1, overall["false_negatives"]!.GetValue<int>());
        Assert.Equal(4.0 / 6, overall["agreement"]!.GetValue<double>(), 5);
        Assert.Equal(2.0 / 3, overall["precision"]!.GetValue<double>(), 5);
        Assert.Equal(3, report["by_category"]!["assert"]!["cases"]!.GetValue<int>());
        Assert.Equal(1, report["by_kind"]!["timeout"]!.GetValue<int>());
        Assert.Equal(1, report["by_kind"]!["no_code"]!.GetValue<int>());
        var disagreements = report["disagreements"]!.AsArray();
        Assert.Equal(["fp-label", "miss-timeout"], disagreements.Select(d => d!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var fp = disagreements.Single(d => d!["id"]!.GetValue<string>() == "fp-label")!;
        Assert.Contains("return b + a", fp["extracted"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(6, report["slowest"]!.AsArray().Count);
        Assert.True(report["p99_ms"]!.GetValue<double>() >= report["p50_ms"]!.GetValue<double>());
    }

    [Fact]
    public async Task Bad_lines_are_named_with_their_field_no_program_runs_and_the_exit_code_is_2()
    {
        var input = _dir.Write("bad.jsonl", string.Join('\n',
            """{"id": "a", "code": "def add(a, b): return a + b", "tests": "assert add(1, 2) == 3", "expected": true}""",
            """{"id": "b", "code": "def add(a, b): return a + b", "tests": "assert add(1, 2) == 3", "expected": "yes"}""",
            """{"id": "c", "tests": "assert add(1, 2) == 3", "expected": true}""",
            """{"id": "d", "code": "print(1)", "stdin": "", "tests": "assert True", "expected": true}""",
            "not json") + "\n");

        var r = await TestSupport.Cli.RunAsync("audit", "code", "--input", input);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("0 cases, 4 input errors", r.Out, StringComparison.Ordinal);
        Assert.Contains("line 2 (b): field \"expected\"", r.Out, StringComparison.Ordinal);
        Assert.Contains("line 3 (c): field 'code' is required", r.Out, StringComparison.Ordinal);
        Assert.Contains("line 4 (d): field 'tests'", r.Out, StringComparison.Ordinal);
        Assert.Contains("line 5: invalid JSON", r.Out, StringComparison.Ordinal);
        Assert.Contains("no program was run", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HumanEval_canonical_solutions_and_return_none_agree_fully_in_the_text_report()
    {
        var tasks = CodeDatasets.HumanEval().Take(6).ToList();
        var rows = tasks.SelectMany(t => new[]
        {
            new JsonObject { ["id"] = t.TaskId + "/canonical", ["code"] = t.Prompt + t.CanonicalSolution, ["tests"] = t.Test, ["entry_point"] = t.EntryPoint, ["expected"] = true, ["category"] = "canonical" },
            new JsonObject { ["id"] = t.TaskId + "/none", ["code"] = t.Prompt + "    return None\n", ["tests"] = t.Test, ["entry_point"] = t.EntryPoint, ["expected"] = false, ["category"] = "return-none" },
        }).Select(o => o.ToJsonString());
        var input = _dir.Write("humaneval.jsonl", string.Join('\n', rows) + "\n");

        var r = await TestSupport.Cli.RunAsync("audit", "code", "--input", input, "--slowest", "3");

        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        Assert.Contains("12 cases, 0 input errors", r.Out, StringComparison.Ordinal);
        Assert.Contains("agreement 1.0000  precision 1.0000  recall 1.0000", r.Out, StringComparison.Ordinal);
        Assert.Contains("accepted: 6 right, 0 WRONG (false accepts)", r.Out, StringComparison.Ordinal);
        Assert.Contains("disagreements (0):", r.Out, StringComparison.Ordinal);
        Assert.Contains("slowest 3:", r.Out, StringComparison.Ordinal);
    }
}
