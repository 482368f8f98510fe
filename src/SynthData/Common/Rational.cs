using System.Globalization;

namespace SynthData.Common;

/// <summary>
/// An exact fraction in lowest terms with a positive denominator, so equal values have equal fields.
/// Arithmetic is <c>checked</c>: an overflow throws instead of silently producing a wrong reference answer.
/// </summary>
public readonly record struct Rational : IComparable<Rational>
{
    // Stored as denominator - 1 so that default(Rational) is a valid zero (0/1) rather than 0/0.
    private readonly long _denominatorMinusOne;

    public long Numerator { get; }
    public long Denominator => _denominatorMinusOne + 1;

    public Rational(long numerator, long denominator)
    {
        if (denominator == 0)
            throw new DivideByZeroException("a rational number cannot have a zero denominator");
        if (denominator < 0)
            (numerator, denominator) = (checked(-numerator), checked(-denominator));
        var g = Gcd(numerator, denominator);
        Numerator = numerator / g;
        _denominatorMinusOne = denominator / g - 1;
    }

    public static Rational Zero => new(0, 1);
    public static Rational One => new(1, 1);

    public bool IsInteger => Denominator == 1;
    public int Sign => Math.Sign(Numerator);

    public static implicit operator Rational(long value) => new(value, 1);

    public static Rational operator -(Rational a) => new(checked(-a.Numerator), a.Denominator);

    public static Rational operator +(Rational a, Rational b) =>
        new(checked(a.Numerator * b.Denominator + b.Numerator * a.Denominator), checked(a.Denominator * b.Denominator));

    public static Rational operator -(Rational a, Rational b) => a + -b;

    public static Rational operator *(Rational a, Rational b) =>
        new(checked(a.Numerator * b.Numerator), checked(a.Denominator * b.Denominator));

    public static Rational operator /(Rational a, Rational b) =>
        b.Numerator == 0
            ? throw new DivideByZeroException("division by zero")
            : new(checked(a.Numerator * b.Denominator), checked(a.Denominator * b.Numerator));

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public Rational Abs() => Numerator < 0 ? -this : this;

    public Rational Reciprocal() => One / this;

    /// <summary>Integer powers only (negative exponents take the reciprocal).</summary>
    public Rational Pow(int exponent)
    {
        var result = One;
        var factor = exponent < 0 ? Reciprocal() : this;
        for (var i = 0; i < Math.Abs(exponent); i++)
            result *= factor;
        return result;
    }

    public int CompareTo(Rational other) =>
        (checked(Numerator * other.Denominator)).CompareTo(checked(other.Numerator * Denominator));

    /// <summary><c>42</c>, <c>-3/4</c>: the answer format checkers parse (sign on the numerator).</summary>
    public override string ToString() =>
        IsInteger
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary><c>\frac{3}{4}</c>, <c>-\frac{3}{4}</c>, or the integer.</summary>
    public string ToLatex() =>
        IsInteger
            ? ToString()
            : string.Create(CultureInfo.InvariantCulture, $"{(Numerator < 0 ? "-" : "")}\\frac{{{Math.Abs(Numerator)}}}{{{Denominator}}}");

    private static long Gcd(long a, long b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0)
            (a, b) = (b, a % b);
        return a == 0 ? 1 : a;
    }
}
