using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Filtering;
using SynthData.Problems;

namespace SynthData.Tests.Filtering;

public sealed class CodeNearDuplicateTests
{
    private static Problem Code(string prompt, int expected) => new()
    {
        Id = ProblemId.For(ProblemDomain.Code, prompt, null, null, null, [new FunctionTest(new JsonArray(1), expected)]),
        Domain = ProblemDomain.Code,
        Prompt = prompt,
        EntryPoint = "f",
        FunctionTests = [new FunctionTest(new JsonArray(1), expected)],
        Source = ProblemOrigin.Generator("g", 1, 1),
    };

    private const string Spec = "Write a Python function `f(n: int) -> int` that returns the value described below for the given number, with examples f(1) == ";

    [Fact]
    public void Generated_code_problems_with_other_hidden_tests_are_not_duplicates()
    {
        var filter = new ProblemFilter(new DedupOptions { NearThreshold = 0.5 }, null);
        var result = filter.Apply([Code(Spec + "2.", 2), Code(Spec + "3.", 3)], []);
        Assert.Equal(2, result.Kept.Count);
    }

    [Fact]
    public void Same_tests_behind_a_reworded_prompt_are_duplicates()
    {
        var filter = new ProblemFilter(new DedupOptions { NearThreshold = 0.5 }, null);
        var result = filter.Apply([Code(Spec + "2.", 2), Code(Spec + "2 (see above).", 2)], []);
        Assert.Single(result.Kept);
        Assert.Equal(DropReasons.NearDuplicate, Assert.Single(result.Dropped).Reason);
    }
}
