using System.Numerics;

namespace SynthData.Verification.Math.Evaluation;

/// <summary>
/// A real number Mantissa * 2^Exponent with <see cref="Precision"/> significant bits. Used to confirm that two values
/// a double comparison found equal really are (sqrt(2^100 + 1) is not 2^50), never to accept on its own.
/// </summary>
internal readonly record struct BigFloat(BigInteger Mantissa, long Exponent)
{
    public const int Precision = 256;

    /// <summary>Exponents beyond this are treated as unrepresentable (the value is null).</summary>
    private const long MaxExponent = 1L << 40;

    public bool IsZero => Mantissa.IsZero;
    public int Sign => Mantissa.Sign;

    public static BigFloat Zero => new(BigInteger.Zero, 0);

    public static BigFloat? FromRational(BigRational r)
    {
        if (r.IsZero)
            return Zero;
        var shift = Precision + r.Denominator.GetBitLength() - BigInteger.Abs(r.Numerator).GetBitLength();
        var scaled = shift >= 0 ? (r.Numerator << (int)shift) / r.Denominator : r.Numerator / (r.Denominator << (int)-shift);
        return Normalize(scaled, -shift);
    }

    /// <summary>A finite double exactly (every double is a dyadic rational).</summary>
    public static BigFloat? FromDouble(double value)
    {
        if (!double.IsFinite(value))
            return null;
        if (value == 0)
            return Zero;
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        var mantissa = exponentBits == 0 ? fraction : fraction | (1L << 52);
        var exponent = (exponentBits == 0 ? 1 : exponentBits) - 1075;
        return Normalize(value < 0 ? -mantissa : mantissa, exponent);
    }

    public static BigFloat? Normalize(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero)
            return Zero;
        var excess = BigInteger.Abs(mantissa).GetBitLength() - Precision;
        if (excess > 0)
        {
            mantissa >>= (int)excess;
            exponent += excess;
        }
        else if (excess < 0)
        {
            mantissa <<= (int)-excess;
            exponent += excess;
        }
        return System.Math.Abs(exponent) > MaxExponent ? null : new BigFloat(mantissa, exponent);
    }

    public static BigFloat? Add(BigFloat a, BigFloat b)
    {
        if (a.IsZero)
            return b;
        if (b.IsZero)
            return a;
        if (a.Exponent < b.Exponent)
            (a, b) = (b, a);
        var gap = a.Exponent - b.Exponent;
        // Beyond twice the precision the smaller addend cannot change the kept bits.
        if (gap > 2 * Precision)
            return a;
        return Normalize((a.Mantissa << (int)gap) + b.Mantissa, b.Exponent);
    }

    public static BigFloat? Multiply(BigFloat a, BigFloat b) => Normalize(a.Mantissa * b.Mantissa, a.Exponent + b.Exponent);

    public static BigFloat? Divide(BigFloat a, BigFloat b) =>
        b.IsZero ? null : Normalize((a.Mantissa << (2 * Precision)) / b.Mantissa, a.Exponent - b.Exponent - 2 * Precision);

    public BigFloat Negate() => new(-Mantissa, Exponent);

    public static BigFloat? Power(BigFloat a, BigInteger n)
    {
        if (n.Sign < 0)
            return Power(a, -n) is { } positive && FromRational(BigRational.One) is { } one ? Divide(one, positive) : null;
        BigFloat? result = FromRational(BigRational.One);
        BigFloat? square = a;
        while (!n.IsZero && result is not null && square is not null)
        {
            if (!n.IsEven)
                result = Multiply(result.Value, square.Value);
            n >>= 1;
            if (!n.IsZero)
                square = Multiply(square.Value, square.Value);
        }
        return result;
    }

    /// <summary>The real k-th root; negative values only for odd k.</summary>
    public static BigFloat? Root(BigFloat a, int k)
    {
        if (a.IsZero)
            return a;
        if (a.Sign < 0)
            return k % 2 == 1 && Root(a.Negate(), k) is { } r ? r.Negate() : null;
        // Scale so the integer root keeps full precision and the exponent divides evenly by k.
        var shift = (long)k * Precision;
        var exponent = a.Exponent - shift;
        var remainder = (int)(((exponent % k) + k) % k);
        shift += remainder;
        exponent -= remainder;
        var root = BigRational.IntegerRootFloor(a.Mantissa << (int)shift, k);
        return Normalize(root, exponent / k);
    }

    /// <summary>|a - b| &lt;= 2^-bits * max(|a|, |b|, 2^scaleLog2), the last being the largest magnitude cancelled.</summary>
    public static bool RelativelyClose(BigFloat a, BigFloat b, int bits, long scaleLog2)
    {
        if (Add(a, b.Negate()) is not { } difference)
            return false;
        if (difference.IsZero)
            return true;
        var larger = System.Math.Max(System.Math.Max(Magnitude(a), Magnitude(b)), scaleLog2);
        return Magnitude(difference) <= larger - bits;
    }

    /// <summary>log2 of the magnitude, to within one.</summary>
    public static long Magnitude(BigFloat x) => x.IsZero ? long.MinValue / 2 : x.Exponent + BigInteger.Abs(x.Mantissa).GetBitLength();
}
