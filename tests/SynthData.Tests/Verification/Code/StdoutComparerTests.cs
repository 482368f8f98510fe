using SynthData.Verification.Code;

namespace SynthData.Tests.Verification.Code;

/// <summary>Each normalisation rule of <see cref="StdoutComparer"/>, with the cases it must still reject.</summary>
public sealed class StdoutComparerTests
{
    [Theory]
    [InlineData("1 2\n3\n", "1 2\n3\n")]
    [InlineData("1 2\n3\n", "1 2\n3")] // final newline missing
    [InlineData("1 2\n3\n", "1 2\n3\n\n\n")] // extra blank lines at the end
    [InlineData("1 2\n3\n", "1 2   \n3\t\n")] // trailing spaces and tabs per line
    [InlineData("1 2\n3\n", "1 2\r\n3\r\n")] // CRLF
    [InlineData("", "")]
    [InlineData("", "\n \n")]
    public void Equal_after_normalisation(string expected, string actual) =>
        Assert.Equal(0, StdoutComparer.FirstDifference(expected, actual));

    [Theory]
    [InlineData("1\n2\n3\n", "1\n3\n", 2)] // a missing line
    [InlineData("1\n2\n", "1\n2\n3\n", 3)] // extra output
    [InlineData("1\n2\n", "1\n", 2)] // output stops early
    [InlineData("1 2\n", " 1 2\n", 1)] // leading white space matters
    [InlineData("1 2\n", "1  2\n", 1)] // inner white space matters
    [InlineData("1\n\n2\n", "1\n2\n", 2)] // a blank line before the end matters
    [InlineData("Yes\n", "YES\n", 1)] // case matters
    [InlineData("1.0\n", "1.00001\n", 1)] // no tolerance: numbers are text
    [InlineData("1\n", "1.0\n", 1)]
    [InlineData("3 1 2\n", "1 2 3\n", 1)] // order matters
    [InlineData("", "x\n", 1)]
    [InlineData("42\n", "", 1)]
    public void Different_without_tolerance(string expected, string actual, int line) =>
        Assert.Equal(line, StdoutComparer.FirstDifference(expected, actual));

    [Theory]
    [InlineData("1.0\n", "1.0000001\n")]
    [InlineData("0.5 2\n", "0.5000004 2.0000001\n")]
    [InlineData("1000000\n", "1000000.5\n")] // relative for large values: 0.5 <= 1e-6 * 1e6
    [InlineData("1\n", "1.0\n")] // integers are numbers too
    [InlineData("-0.25\n", "-2.5e-1\n")]
    [InlineData("answer: 3.14159\n", "answer: 3.1415926\n")] // words still compare exactly, numbers by value
    public void Equal_within_tolerance(string expected, string actual) =>
        Assert.Equal(0, StdoutComparer.FirstDifference(expected, actual, 1e-6));

    [Theory]
    [InlineData("1.0\n", "1.00001\n")] // outside 1e-6
    [InlineData("0\n", "0.000002\n")] // absolute near zero
    [InlineData("1000000\n", "1000002\n")]
    [InlineData("1.0 2.0\n", "1.0  2.0\n")] // separators still exact
    [InlineData("1.0 2.0\n", "1.0\n")] // a missing token
    [InlineData("1.0\n", "1.0 0\n")] // an extra token
    [InlineData("inf\n", "1e999\n")] // only finite plain decimals are numbers
    [InlineData("nan\n", "NaN\n")]
    [InlineData("1,5\n", "1.5\n")] // no locale forms
    [InlineData("0x10\n", "16\n")]
    [InlineData("Answer 1.0\n", "answer 1.0\n")]
    [InlineData("1.0\n2.0\n", "1.0\n")] // a missing line
    public void Different_within_tolerance(string expected, string actual) =>
        Assert.NotEqual(0, StdoutComparer.FirstDifference(expected, actual, 1e-6));

    [Fact]
    public void Zero_tolerance_compares_numbers_by_value_only()
    {
        Assert.Equal(0, StdoutComparer.FirstDifference("2.50\n", "2.5\n", 0));
        Assert.NotEqual(0, StdoutComparer.FirstDifference("2.5\n", "2.5000001\n", 0));
    }
}
