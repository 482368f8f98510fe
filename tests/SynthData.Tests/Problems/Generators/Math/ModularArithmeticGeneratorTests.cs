using System.Globalization;
using System.Numerics;

namespace SynthData.Tests.Problems.Generators.Math;

public sealed class ModularArithmeticGeneratorTests
{
    [Theory]
    [MemberData(nameof(MathSamples.Difficulties), MemberType = typeof(MathSamples))]
    public void Answer_matches_an_independent_computation(int difficulty)
    {
        foreach (var problem in MathSamples.Of("modular_arithmetic", difficulty))
        {
            var answer = long.Parse(problem.Answer!, CultureInfo.InvariantCulture);
            switch (problem.Text("kind"))
            {
                case "remainder":
                {
                    var (a, m) = (problem.Long("a"), problem.Long("m"));
                    MathSamples.AssertMentions(problem, a, m);
                    var r = a;
                    while (r >= m)
                        r -= m;
                    Assert.Equal(r, answer);
                    break;
                }
                case "sum" or "product":
                {
                    var (a, b, m) = (problem.Long("a"), problem.Long("b"), problem.Long("m"));
                    MathSamples.AssertMentions(problem, a, b, m);
                    var value = problem.Text("kind") == "sum" ? new BigInteger(a) + b : new BigInteger(a) * b;
                    Assert.Equal((long)(value % m), answer);
                    break;
                }
                case "power":
                {
                    var (a, b, m) = (problem.Long("base"), problem.Long("exponent"), problem.Long("modulus"));
                    MathSamples.AssertMentions(problem, a, b);
                    if (m != 10)
                        MathSamples.AssertMentions(problem, m);
                    Assert.Equal((long)BigInteger.ModPow(a, b, m), answer);
                    break;
                }
                case "congruence":
                {
                    var (a, c, m) = (problem.Long("a"), problem.Long("c"), problem.Long("m"));
                    MathSamples.AssertMentions(problem, a, c, m);
                    var solutions = Enumerable.Range(0, (int)m).Where(x => (a * x - c) % m == 0).ToList();
                    Assert.Equal([answer], solutions.Select(s => (long)s));
                    break;
                }
                default:
                    Assert.Fail($"unknown kind {problem.Text("kind")}");
                    break;
            }
        }
    }
}
