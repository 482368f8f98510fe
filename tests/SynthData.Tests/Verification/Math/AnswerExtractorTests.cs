using SynthData.Verification.Math.Extraction;

namespace SynthData.Tests.Verification.Math;

public sealed class AnswerExtractorTests
{
    private static readonly AnswerExtractor Extractor = new(lastNumberFallback: false);

    [Theory]
    [InlineData(@"so the answer is $\boxed{\frac{1}{2}}$.", @"\frac{1}{2}", @"\boxed{}")]
    [InlineData(@"Thus \boxed{\{1, 2\}} holds.", @"\{1, 2\}", @"\boxed{}")]
    [InlineData(@"we get \fbox{42}", "42", @"\boxed{}")]
    [InlineData(@"\boxed 7 is it", "7", @"\boxed{}")]
    [InlineData(@"First \boxed{3}, later we fix it: \boxed{4}", "4", @"last of 2 \boxed{}")]
    [InlineData(@"\boxed{\boxed{5}}", "5", @"\boxed{}")]
    [InlineData("The final answer is $73$. I hope it is correct.", "73", "anchor \"final answer is\"")]
    [InlineData("Final Answer: **73**", "73", "anchor \"Final Answer\"")]
    [InlineData("**Final Answer**\n\n12", "12", "anchor \"Final Answer\"")]
    [InlineData("Hence the answer is 18 dollars. Bye", "18 dollars", "anchor \"the answer is\"")]
    [InlineData("Answer: 9", "9", "anchor \"Answer\"")]
    [InlineData("work\n#### 1,234", "1,234", "anchor \"####\"")]
    [InlineData(@"$\frac{3}{4}$", @"\frac{3}{4}", "whole text is one math environment")]
    [InlineData(@"\(x+1\)", "x+1", "whole text is one math environment")]
    [InlineData("Long derivation\nover lines\n$$x = 3$$", "x = 3", "final display math")]
    [InlineData("Long derivation\nover lines\n\\[ 2\\pi \\]", @"2\pi", "final display math")]
    [InlineData("Long derivation\nover lines\nTherefore, $x = 5$.", "x = 5", "concluding sentence")]
    [InlineData("  -5  ", "-5", "whole text as the answer")]
    public void Finds_the_final_answer_and_names_the_rule(string response, string answer, string rule)
    {
        var result = Extractor.Extract(response);
        Assert.NotNull(result.Answer);
        Assert.Equal(answer, result.Answer.Text);
        Assert.Contains(rule, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"The answer is \boxed{}.", "empty")]
    [InlineData(@"The answer is \boxed{  }", "empty")]
    [InlineData(@"The answer is \boxed{\frac{1}{2}", "unbalanced")]
    [InlineData(@"earlier \boxed{3} then \boxed{", "unbalanced")]
    [InlineData(@"<think>the answer is \boxed{9}", "never closed")]
    [InlineData(@"<think>\boxed{9}</think>", "empty response")]
    [InlineData("Line one of a long explanation with 3 numbers 4 and 5\nand a second line without any final answer 6", "no answer")]
    [InlineData("Line one of a long explanation\nwe now know $x = 5$ and continue", "no answer")]
    public void Reports_no_answer_with_the_cause(string response, string cause)
    {
        var result = Extractor.Extract(response);
        Assert.Null(result.Answer);
        Assert.Contains(cause, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_text_after_think_counts()
    {
        var result = Extractor.Extract(@"<think>maybe \boxed{9}</think>So it is \boxed{8}.");
        Assert.Equal("8", result.Answer!.Text);
        Assert.StartsWith("after </think>", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Side_by_side_boxes_are_kept_together_or_as_alternatives()
    {
        var together = Extractor.Extract(@"the roots are $\boxed{2}$ and $\boxed{3}$.").Answer!;
        Assert.Equal(["2", "3"], together.Parts);
        Assert.Equal(PartJoin.Together, together.Join);

        var alternatives = Extractor.Extract(@"so $x$ is $\boxed{3}$ or $\boxed{\frac{2}{5}}$.").Answer!;
        Assert.Equal(["3", @"\frac{2}{5}"], alternatives.Parts);
        Assert.Equal(PartJoin.Alternatives, alternatives.Join);

        var apart = Extractor.Extract(@"part one gives \boxed{2}. Then a long paragraph of reasoning follows here. Finally \boxed{3}").Answer!;
        Assert.Equal(["3"], apart.Parts);
    }

    [Fact]
    public void Last_number_fallback_is_opt_in()
    {
        const string response = "We add the numbers 3 and 4\nto get a total of 7 apples in the basket overall";
        Assert.Null(Extractor.Extract(response).Answer);
        var withFallback = new AnswerExtractor(lastNumberFallback: true).Extract(response);
        Assert.Equal("7", withFallback.Answer!.Text);
        Assert.Contains("last number", withFallback.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_answer_is_taken_whole_however_long()
    {
        var gold = string.Join(", ", Enumerable.Range(1, 80));
        Assert.Equal(gold, Extractor.Extract(gold, isReference: true).Answer!.Text);
    }
}
