using System.Globalization;
using System.Numerics;

namespace SynthData.Tests.Problems.Generators.Math;

/// <summary>
/// The tests' own exact number, on BigInteger, so that answers are re-derived without the generators'
/// <c>Rational</c> (which could share a bug with the code under test).
/// </summary>
internal readonly record struct Fraction
{
    public BigInteger Num { get; }
    public BigInteger Den { get; }

    public Fraction(BigInteger num, BigInteger den)
    {
        if (den.IsZero)
            throw new DivideByZeroException();
        if (den.Sign < 0)
            (num, den) = (-num, -den);
        var g = BigInteger.GreatestCommonDivisor(num, den);
        (Num, Den) = g.IsZero ? (num, den) : (num / g, den / g);
    }

    public static implicit operator Fraction(long value) => new(value, 1);

    public static Fraction operator +(Fraction a, Fraction b) => new(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);
    public static Fraction operator -(Fraction a, Fraction b) => new(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);
    public static Fraction operator *(Fraction a, Fraction b) => new(a.Num * b.Num, a.Den * b.Den);
    public static Fraction operator /(Fraction a, Fraction b) => new(a.Num * b.Den, a.Den * b.Num);
    public static Fraction operator -(Fraction a) => new(-a.Num, a.Den);

    public bool IsZero => Num.IsZero;

    /// <summary>Parses <c>42</c>, <c>-3/4</c>; the strict answer format (lowest terms, sign on the numerator).</summary>
    public static Fraction ParseAnswer(string text)
    {
        var parts = text.Split('/');
        Assert.InRange(parts.Length, 1, 2);
        var num = BigInteger.Parse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (parts.Length == 1)
            return new Fraction(num, 1);
        var den = BigInteger.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.True(den > 1, $"denominator of '{text}' must be > 1");
        Assert.True(BigInteger.GreatestCommonDivisor(num, den).IsOne, $"'{text}' is not in lowest terms");
        return new Fraction(num, den);
    }

    public override string ToString() => Den.IsOne ? Num.ToString(CultureInfo.InvariantCulture) : $"{Num}/{Den}";
}
