using System.Globalization;
using System.Numerics;

namespace SynthData.Verification.Math.Evaluation;

/// <summary>
/// An exact rational number, always in lowest terms with a positive denominator, so that structural equality is
/// numeric equality. Operations that would exceed <see cref="MaxBits"/> return null instead of building a number
/// whose arithmetic could stall a check (power towers, huge factorials).
/// </summary>
internal readonly record struct BigRational
{
    /// <summary>Largest numerator or denominator we carry; ~20k decimal digits, far beyond any real answer.</summary>
    public const int MaxBits = 65_536;

    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public BigRational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
            throw new DivideByZeroException();
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero)
        {
            numerator /= g;
            denominator /= g;
        }
        Numerator = numerator;
        Denominator = denominator.IsZero ? BigInteger.One : denominator;
    }

    public static BigRational Zero => new(BigInteger.Zero, BigInteger.One);
    public static BigRational One => new(BigInteger.One, BigInteger.One);

    public static BigRational FromInteger(BigInteger value) => new(value, BigInteger.One);

    public bool IsInteger => Denominator.IsOne;
    public bool IsZero => Numerator.IsZero;
    public int Sign => Numerator.Sign;
    public long BitSize => Numerator.GetBitLength() + Denominator.GetBitLength();

    public static BigRational operator +(BigRational a, BigRational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static BigRational operator -(BigRational a, BigRational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static BigRational operator -(BigRational a) => new(-a.Numerator, a.Denominator);

    public static BigRational operator *(BigRational a, BigRational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static BigRational? Divide(BigRational a, BigRational b) =>
        b.IsZero ? null : new BigRational(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static BigRational Abs(BigRational a) => a.Sign < 0 ? -a : a;

    public int CompareTo(BigRational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>a^n for an integer n, or null when the result would exceed <see cref="MaxBits"/> or divides by zero.</summary>
    public BigRational? Power(BigInteger exponent)
    {
        if (exponent.IsZero)
            return One;
        if (IsZero)
            return exponent.Sign > 0 ? Zero : null;
        var magnitude = BigInteger.Abs(exponent);
        var largest = System.Math.Max(Numerator.GetBitLength(), Denominator.GetBitLength());
        // |a| = 1 (or -1) never grows, whatever the exponent.
        if (largest <= 1 && BigInteger.Abs(Numerator).IsOne && Denominator.IsOne)
            return Numerator.Sign > 0 || exponent.IsEven ? One : FromInteger(BigInteger.MinusOne);
        if (magnitude > MaxBits || (largest - 1) * (long)magnitude > MaxBits)
            return null;
        var n = (int)magnitude;
        var result = new BigRational(BigInteger.Pow(Numerator, n), BigInteger.Pow(Denominator, n));
        return exponent.Sign > 0 ? result : Divide(One, result);
    }

    /// <summary>The exact k-th root when it is rational (e.g. sqrt(9/4) = 3/2), else null.</summary>
    public BigRational? Root(int k)
    {
        if (k <= 0)
            return null;
        if (k == 1)
            return this;
        if (Sign < 0)
        {
            if (k % 2 == 0)
                return null;
            return (-this).Root(k) is { } r ? -r : null;
        }
        if (IntegerRoot(Numerator, k) is not { } n || IntegerRoot(Denominator, k) is not { } d)
            return null;
        return new BigRational(n, d);
    }

    private static BigInteger? IntegerRoot(BigInteger value, int k)
    {
        var root = IntegerRootFloor(value, k);
        return BigInteger.Pow(root, k) == value ? root : null;
    }

    /// <summary>floor(value^(1/k)) for value &gt;= 0.</summary>
    public static BigInteger IntegerRootFloor(BigInteger value, int k)
    {
        if (value.IsZero || value.IsOne)
            return value;
        var bits = value.GetBitLength();
        // Newton iteration from an overestimate; converges monotonically downward.
        var x = BigInteger.One << (int)((bits + k - 1) / k);
        while (true)
        {
            var y = ((k - 1) * x + value / BigInteger.Pow(x, k - 1)) / k;
            if (y >= x)
                return x;
            x = y;
        }
    }

    public double ToDouble()
    {
        var n = Numerator;
        var d = Denominator;
        // Scale both into double range first so huge-but-comparable values keep their ratio.
        var shift = (int)System.Math.Max(0, System.Math.Max(n.GetBitLength(), d.GetBitLength()) - 1000);
        if (shift > 0)
        {
            var nb = n.GetBitLength();
            var db = d.GetBitLength();
            if (nb - db > 1100)
                return n.Sign * double.PositiveInfinity;
            if (db - nb > 1100)
                return 0.0 * n.Sign;
            n >>= shift;
            d >>= shift;
            if (d.IsZero)
                return n.Sign * double.PositiveInfinity;
        }
        return (double)n / (double)d;
    }

    /// <summary>Rounds half away from zero to <paramref name="places"/> decimal places.</summary>
    public BigRational RoundToPlaces(int places)
    {
        var scale = BigInteger.Pow(10, places);
        var scaled = Numerator * scale;
        var q = BigInteger.DivRem(BigInteger.Abs(scaled) * 2 + Denominator, Denominator * 2, out _);
        return new BigRational(scaled.Sign < 0 ? -q : q, scale);
    }

    /// <summary>The value written with exactly <paramref name="places"/> decimals (exact for decimal literals).</summary>
    public string ToDecimalString(int places)
    {
        var scaled = RoundToPlaces(places).Numerator * BigInteger.Pow(10, places) / RoundToPlaces(places).Denominator;
        var digits = BigInteger.Abs(scaled).ToString(CultureInfo.InvariantCulture).PadLeft(places + 1, '0');
        var text = places == 0 ? digits : digits[..^places] + "." + digits[^places..];
        return scaled.Sign < 0 ? "-" + text : text;
    }

    public override string ToString() => Denominator.IsOne
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : Numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);
}
