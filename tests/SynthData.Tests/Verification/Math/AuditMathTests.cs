using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Verification.Math;

public sealed class AuditMathTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Counts_agreement_precision_recall_by_category_and_lists_each_disagreement()
    {
        var input = _dir.Write("labelled.jsonl", string.Join('\n',
            """{"id": "tp", "gold": "1/2", "pred": "\\boxed{0.5}", "expected": true, "category": "fractions"}""",
            """{"id": "tn", "gold": "3", "pred": "\\boxed{4}", "expected": false, "category": "integers"}""",
            """{"id": "fn-label", "gold": "3", "pred": "\\boxed{3}", "expected": false, "category": "integers"}""",
            """{"id": "miss", "gold": "7", "pred": "I am not sure.", "expected": true, "category": "integers"}""") + "\n");
        var r = await TestSupport.Cli.RunAsync("audit", "math", "--input", input, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var report = JsonNode.Parse(r.Out)!;
        var overall = report["overall"]!;
        Assert.Equal(4, overall["cases"]!.GetValue<int>());
        Assert.Equal(1, overall["true_positives"]!.GetValue<int>());
        Assert.Equal(1, overall["false_positives"]!.GetValue<int>()); // "fn-label": the verifier accepts what the label rejects
        Assert.Equal(1, overall["true_negatives"]!.GetValue<int>());
        Assert.Equal(1, overall["false_negatives"]!.GetValue<int>());
        Assert.Equal(0.5, overall["agreement"]!.GetValue<double>());
        Assert.Equal(0.5, overall["precision"]!.GetValue<double>());
        Assert.Equal(3, report["by_category"]!["integers"]!["cases"]!.GetValue<int>());
        var disagreements = report["disagreements"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["fn-label", "miss"], disagreements);
        Assert.Equal(4, report["slowest"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_text_report_names_false_accepts_and_bad_lines_exit_2()
    {
        var input = _dir.Write("bad.jsonl", string.Join('\n',
            """{"id": "a", "gold": "2", "pred": "2", "expected": true}""",
            """{"id": "b", "gold": "2", "pred": "2", "expected": "yes"}""") + "\n");
        var r = await TestSupport.Cli.RunAsync("audit", "math", "--input", input);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("1 cases, 1 input errors", r.Out, StringComparison.Ordinal);
        Assert.Contains("line 2 (b): field \"expected\"", r.Out, StringComparison.Ordinal);
        Assert.Contains("WRONG (false accepts)", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Works_on_the_math_verify_suite_file_with_no_false_accepts()
    {
        var r = await TestSupport.Cli.RunAsync("audit", "math", "--input", Path.Combine(RepoPaths.Root, "data", "math-verify-suite", "cases.jsonl"), "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var overall = JsonNode.Parse(r.Out)!["overall"]!;
        Assert.Equal(280, overall["cases"]!.GetValue<int>());
        Assert.Equal(0, overall["false_positives"]!.GetValue<int>());
        Assert.True(overall["agreement"]!.GetValue<double>() >= 0.85, overall.ToJsonString());
    }
}
