namespace SynthData.Problems.Generators.Math;

internal static class IntegerMath
{
    public static long Gcd(long a, long b)
    {
        a = System.Math.Abs(a);
        b = System.Math.Abs(b);
        while (b != 0)
            (a, b) = (b, a % b);
        return a;
    }

    public static long Lcm(long a, long b) => a == 0 || b == 0 ? 0 : checked(System.Math.Abs(a / Gcd(a, b) * b));
}
