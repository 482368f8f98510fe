using SynthData.Common;

namespace SynthData.Tests.Common;

public sealed class RationalTests
{
    [Theory]
    [InlineData(6, 8, 3, 4)]
    [InlineData(-6, 8, -3, 4)]
    [InlineData(6, -8, -3, 4)]
    [InlineData(-6, -8, 3, 4)]
    [InlineData(0, -5, 0, 1)]
    public void Is_stored_in_lowest_terms_with_a_positive_denominator(long n, long d, long expectedN, long expectedD)
    {
        var r = new Rational(n, d);
        Assert.Equal((expectedN, expectedD), (r.Numerator, r.Denominator));
    }

    [Fact]
    public void Equal_values_are_equal_including_the_default_zero()
    {
        Assert.Equal(new Rational(2, 4), new Rational(-3, -6));
        Assert.Equal(Rational.Zero, default);
        Assert.Equal("0", default(Rational).ToString());
    }

    [Fact]
    public void Arithmetic_is_exact()
    {
        var a = new Rational(1, 3);
        var b = new Rational(1, 6);
        Assert.Equal(new Rational(1, 2), a + b);
        Assert.Equal(new Rational(1, 6), a - b);
        Assert.Equal(new Rational(1, 18), a * b);
        Assert.Equal(new Rational(2, 1), a / b);
        Assert.Equal(new Rational(-8, 27), (-new Rational(2, 3)).Pow(3));
        Assert.Equal(new Rational(9, 4), new Rational(2, 3).Pow(-2));
        Assert.True(new Rational(-1, 2) < new Rational(1, 3));
    }

    [Fact]
    public void Division_by_zero_and_overflow_throw()
    {
        Assert.Throws<DivideByZeroException>(() => new Rational(1, 0));
        Assert.Throws<DivideByZeroException>(() => Rational.One / Rational.Zero);
        Assert.Throws<OverflowException>(() => new Rational(long.MaxValue, 1) + Rational.One);
    }

    [Theory]
    [InlineData(-3, 4, "-3/4", @"-\frac{3}{4}")]
    [InlineData(42, 1, "42", "42")]
    [InlineData(-7, 1, "-7", "-7")]
    public void Formats_as_answers_and_latex(long n, long d, string text, string latex)
    {
        Assert.Equal(text, new Rational(n, d).ToString());
        Assert.Equal(latex, new Rational(n, d).ToLatex());
    }
}
