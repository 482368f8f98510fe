using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Problems.Datasets;
using SynthData.Tests.Verification.Code;

namespace SynthData.Tests.Problems.Datasets;

/// <summary>Competition-style rows (<c>format: apps</c>) read from a fixture and judged in the real sandbox.</summary>
[Collection(SandboxCollection.Name)]
public sealed class AppsFormatTests(SandboxFixture sandbox)
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Problems", "Datasets", "apps_sample.jsonl");

    private static List<SourceItem> Read(string format = "apps") =>
        new JsonlDatasetSource(Fixture, "apps_sample.jsonl", format, null, new FieldMapOptions()).Read(CancellationToken.None).ToList();

    [Fact]
    public void Rows_become_stdin_or_call_based_problems_and_bad_rows_name_line_and_field()
    {
        var items = Read();
        Assert.Equal(8, items.Count);
        var errors = items.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
        Assert.Collection(errors,
            e => { Assert.Equal(5, e.Line); Assert.Equal("starter_code", e.Field); Assert.Contains("class Solution", e.Message, StringComparison.Ordinal); },
            e => { Assert.Equal(6, e.Line); Assert.Equal("input_output", e.Field); },
            e => { Assert.Equal(7, e.Line); Assert.Equal("input_output.outputs", e.Field); Assert.Contains("2 inputs, 1 outputs", e.Message, StringComparison.Ordinal); });

        var sum = items[0].Problem!;
        Assert.Equal(ProblemDomain.Code, sum.Domain);
        Assert.Equal(["1 2\n", "3 4\n", "10 -5\n", "0 0\n"], sum.IoTests!.Select(t => t.Stdin));
        Assert.Null(sum.FunctionTests);
        Assert.Contains("standard input", sum.Prompt, StringComparison.Ordinal);
        Assert.StartsWith("a, b = map(int", sum.Solution, StringComparison.Ordinal);
        Assert.Equal(101, sum.Metadata!["problem_id"]!.GetValue<int>());
        Assert.Equal("introductory", sum.Metadata!["difficulty"]!.GetValue<string>());

        // APPS wraps every return value in a one-element list: unwrapped, since every output of the row is wrapped.
        var twice = items[1].Problem!;
        Assert.Equal("double", twice.EntryPoint);
        Assert.Equal([2, 4, 10, -6], twice.FunctionTests!.Select(t => t.Expected!.GetValue<int>()));
        Assert.Contains("```python\ndef double(x):", twice.Prompt, StringComparison.Ordinal);
        Assert.Contains("`double`", twice.Prompt, StringComparison.Ordinal);

        // Not every output is a one-element list: the outputs are the return values as they are.
        var ends = items[2].Problem!;
        Assert.Equal("[1,3]", ends.FunctionTests![0].Expected!.ToJsonString());
        Assert.Equal("[[1,2,3]]", ends.FunctionTests![0].Args.ToJsonString());

        var reverse = items[3].Problem!;
        Assert.Equal("a\nb\nc", reverse.IoTests![0].Stdin); // a list of lines is joined
        Assert.StartsWith("Print the lines", reverse.Prompt, StringComparison.Ordinal);

        var root = items[7].Problem!;
        Assert.StartsWith("Print the square root of n.", root.Prompt, StringComparison.Ordinal);
        Assert.Equal(1e-6, root.Metadata!["float_tolerance"]!.GetValue<double>());
    }

    [Fact]
    public void The_generic_jsonl_format_detects_rows_with_input_output()
    {
        var detected = Read("jsonl");
        var apps = Read();
        foreach (var i in new[] { 0, 1, 2 })
            Assert.Equal(apps[i].Problem!.Id, detected[i].Problem!.Id);
        Assert.Equal("starter_code", detected[4].Error!.Field);
    }

    [Fact]
    public async Task Reference_solutions_pass_and_a_partly_wrong_one_scores_its_share()
    {
        var problems = Read().Where(i => i.Problem is not null).Select(i => i.Problem!).ToList();
        var programs = new[]
        {
            problems[0].Solution!,
            problems[1].Solution!,
            "def ends(xs):\n    return [xs[0], xs[-1]]\n",
            "import sys\nprint('\\n'.join(reversed(sys.stdin.read().split())))\n",
            "print(int(input()) ** 0.5)\n",
        };
        for (var i = 0; i < problems.Count; i++)
        {
            var verdict = await sandbox.Verifier.CheckProgramAsync(problems[i], programs[i], CancellationToken.None);
            Assert.True(verdict.Accepted, $"row {problems[i].Source.Row}: {verdict.Reason}");
            Assert.Equal(1.0, verdict.Score);
        }

        var offByOne = await sandbox.Verifier.CheckProgramAsync(problems[0], "a, b = map(int, input().split())\nprint(a + b + (b < 0))\n", CancellationToken.None);
        Assert.False(offByOne.Accepted);
        Assert.Equal(0.75, offByOne.Score);
        var tuple = await sandbox.Verifier.CheckProgramAsync(problems[2], "def ends(xs):\n    return (xs[0], xs[-1])\n", CancellationToken.None);
        Assert.Equal(0.0, tuple.Score); // a tuple is not the list the row expects
    }
}
