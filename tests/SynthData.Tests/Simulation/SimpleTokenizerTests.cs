using SynthData.Cli.Simulation.Model;

namespace SynthData.Tests.Simulation;

public sealed class SimpleTokenizerTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n ", 0)]
    [InlineData("hello world", 2)]
    [InlineData("16 - 3 - 4 = 9.", 8)]
    [InlineData("extraordinary", 2)] // 8 + 5 letters
    [InlineData("1234567", 3)]       // 123 456 7
    [InlineData("x\U0001F600y", 3)]  // the emoji's surrogate pair is one token
    public void Counts_words_digit_groups_and_symbols(string text, int expected) =>
        Assert.Equal(expected, SimpleTokenizer.Count(text));

    [Fact]
    public void Truncate_keeps_whole_tokens_and_reports_the_cut()
    {
        var cut = SimpleTokenizer.Truncate("The answer is 42.", 3, out var tokens, out var truncated);
        Assert.Equal("The answer is", cut);
        Assert.Equal(3, tokens);
        Assert.True(truncated);

        var whole = SimpleTokenizer.Truncate("The answer is 42.", 5, out tokens, out truncated);
        Assert.Equal("The answer is 42.", whole);
        Assert.Equal(5, tokens);
        Assert.False(truncated);
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair()
    {
        var cut = SimpleTokenizer.Truncate("a\U0001F600\U0001F601", 2, out _, out var truncated);
        Assert.Equal("a\U0001F600", cut);
        Assert.True(truncated);
    }

    [Fact]
    public void Pieces_reassemble_the_text()
    {
        const string text = "<think>\nLet me add 12 and 30: 12 + 30 = 42.\n</think>\n\nThe answer is $\\boxed{42}$.";
        var pieces = SimpleTokenizer.Pieces(text, 4).ToList();
        Assert.Equal(text, string.Concat(pieces));
        Assert.True(pieces.Count >= SimpleTokenizer.Count(text) / 4);
    }
}
