using SynthData.Selection;

namespace SynthData.Tests.Selection;

public sealed class PassRateBandTests
{
    [Theory]
    [InlineData("(0, 1)", 0.0, false)]
    [InlineData("(0, 1)", 0.25, true)]
    [InlineData("(0, 1)", 1.0, false)]
    [InlineData("[0, 1]", 0.0, true)]
    [InlineData("[0, 1]", 1.0, true)]
    [InlineData("[0.2, 0.8)", 0.8, false)]
    [InlineData("[0.2,0.8]", 0.2, true)]
    public void Contains(string band, double rate, bool expected) => Assert.Equal(expected, PassRateBand.Parse(band).Contains(rate));

    [Theory]
    [InlineData("0, 1")]
    [InlineData("(0; 1)")]
    [InlineData("(1, 0)")]
    [InlineData("[0, 2]")]
    [InlineData("(0.5, 0.5)")]
    public void Rejects_malformed_intervals(string band) => Assert.False(PassRateBand.TryParse(band, out _, out _));
}
