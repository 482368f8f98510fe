using System.Globalization;
using System.Numerics;

namespace SynthData.Tests.Problems.Generators.Math;

public sealed class CombinatoricsGeneratorTests
{
    private static readonly BigInteger[][] Pascal = BuildPascal(30);

    [Theory]
    [MemberData(nameof(MathSamples.Difficulties), MemberType = typeof(MathSamples))]
    public void Answer_matches_pascals_triangle_enumeration_or_expansion(int difficulty)
    {
        foreach (var problem in MathSamples.Of("combinatorics", difficulty))
        {
            var answer = BigInteger.Parse(problem.Answer!, CultureInfo.InvariantCulture);
            switch (problem.Text("kind"))
            {
                case "factorial":
                    MathSamples.AssertMentions(problem, problem.Long("n"));
                    Assert.Equal(Factorial(problem.Long("n")), answer);
                    break;
                case "permutation":
                {
                    var (n, r) = (problem.Long("n"), problem.Long("r"));
                    MathSamples.AssertMentions(problem, n, r);
                    Assert.Equal(Pascal[n][r] * Factorial(r), answer);
                    break;
                }
                case "combination":
                {
                    var (n, r) = (problem.Long("n"), problem.Long("r"));
                    MathSamples.AssertMentions(problem, n);
                    Assert.Equal(Pascal[n][r], answer);
                    break;
                }
                case "two_groups":
                {
                    var (n1, r1, n2, r2) = (problem.Long("n1"), problem.Long("r1"), problem.Long("n2"), problem.Long("r2"));
                    MathSamples.AssertMentions(problem, n1, r1, n2, r2);
                    Assert.Equal(Pascal[n1][r1] * Pascal[n2][r2], answer);
                    break;
                }
                case "at_least_one":
                {
                    var (n, special, k) = (problem.Long("n"), problem.Long("special"), problem.Long("k"));
                    MathSamples.AssertMentions(problem, n, special, k);
                    Assert.Equal(CountSubsetsWithASpecialMember((int)n, (int)special, (int)k), answer);
                    break;
                }
                case "binomial_coefficient":
                {
                    var (a, b, n, k) = (problem.Long("a"), problem.Long("b"), problem.Long("n"), problem.Long("k"));
                    MathSamples.AssertMentions(problem, b, n);
                    Assert.Equal(Expand(a, b, (int)n)[k], answer);
                    break;
                }
                default:
                    Assert.Fail($"unknown kind {problem.Text("kind")}");
                    break;
            }
        }
    }

    private static BigInteger[][] BuildPascal(int size)
    {
        var rows = new BigInteger[size + 1][];
        for (var n = 0; n <= size; n++)
        {
            rows[n] = new BigInteger[n + 1];
            rows[n][0] = rows[n][n] = 1;
            for (var k = 1; k < n; k++)
                rows[n][k] = rows[n - 1][k - 1] + rows[n - 1][k];
        }
        return rows;
    }

    private static BigInteger Factorial(long n)
    {
        BigInteger f = 1;
        for (var i = 2; i <= n; i++)
            f *= i;
        return f;
    }

    /// <summary>Enumerates every k-subset of n people (the first <paramref name="special"/> are doctors).</summary>
    private static long CountSubsetsWithASpecialMember(int n, int special, int k)
    {
        var specialMask = (1 << special) - 1;
        long count = 0;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            if (BitOperations.PopCount((uint)mask) == k && (mask & specialMask) != 0)
                count++;
        }
        return count;
    }

    /// <summary>Coefficients of (ax + b)^n by repeated polynomial multiplication; index = power of x.</summary>
    private static BigInteger[] Expand(long a, long b, int n)
    {
        var poly = new BigInteger[] { 1 };
        for (var i = 0; i < n; i++)
        {
            var next = new BigInteger[poly.Length + 1];
            for (var p = 0; p < poly.Length; p++)
            {
                next[p] += poly[p] * b;
                next[p + 1] += poly[p] * a;
            }
            poly = next;
        }
        return poly;
    }
}
