namespace SynthData.Tests.Problems.Generators.Math;

public sealed class GcdLcmGeneratorTests
{
    [Theory]
    [MemberData(nameof(MathSamples.Difficulties), MemberType = typeof(MathSamples))]
    public void Answer_matches_brute_force(int difficulty)
    {
        foreach (var problem in MathSamples.Of("gcd_lcm", difficulty))
        {
            var numbers = problem.Longs("numbers");
            MathSamples.AssertMentions(problem, numbers);
            var expected = problem.Text("operation") switch
            {
                "gcd" => BruteGcd(numbers),
                "lcm" => BruteLcm(numbers),
                var other => throw new InvalidOperationException(other),
            };
            Assert.Equal(expected, long.Parse(problem.Answer!, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static long BruteGcd(long[] numbers)
    {
        for (var d = numbers.Min(); d > 1; d--)
        {
            if (numbers.All(n => n % d == 0))
                return d;
        }
        return 1;
    }

    private static long BruteLcm(long[] numbers)
    {
        var max = numbers.Max();
        var m = max;
        while (!numbers.All(n => m % n == 0))
            m += max;
        return m;
    }
}
