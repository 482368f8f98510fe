using System.Globalization;

namespace SynthData.Tests.Problems.Generators.Math;

/// <summary>Each answer is checked by running the story forwards from it (the generator solves it backwards).</summary>
public sealed class PercentRatioGeneratorTests
{
    [Theory]
    [MemberData(nameof(MathSamples.Difficulties), MemberType = typeof(MathSamples))]
    public void Answer_reproduces_the_numbers_in_the_prompt(int difficulty)
    {
        foreach (var problem in MathSamples.Of("percent_ratio", difficulty))
        {
            var answer = long.Parse(problem.Answer!, CultureInfo.InvariantCulture);
            switch (problem.Text("kind"))
            {
                case "percent_of":
                {
                    var (p, n) = (problem.Long("percent"), problem.Long("of"));
                    MathSamples.AssertMentions(problem, p, n);
                    Assert.Equal(p * n, answer * 100);
                    break;
                }
                case "discount":
                {
                    var (price, p) = (problem.Long("price"), problem.Long("percent"));
                    MathSamples.AssertMentions(problem, price, p);
                    Assert.Equal(new Fraction(price * (100 - p), 100), answer);
                    break;
                }
                case "percent_change":
                {
                    var (old, now) = (problem.Long("old"), problem.Long("new"));
                    MathSamples.AssertMentions(problem, old, now);
                    var signed = problem.Prompt.Contains("increase", StringComparison.Ordinal) ? answer : -answer;
                    Assert.Equal(now * 100, old * (100 + signed));
                    break;
                }
                case "what_percent":
                {
                    var (part, whole) = (problem.Long("part"), problem.Long("whole"));
                    MathSamples.AssertMentions(problem, part, whole);
                    Assert.Equal(part * 100, answer * whole);
                    break;
                }
                case "successive":
                {
                    var (start, p, q) = (problem.Long("start"), problem.Long("first_percent"), problem.Long("second_percent"));
                    MathSamples.AssertMentions(problem, start, p, q);
                    Assert.Equal((Fraction)start * new Fraction(100 + p, 100) * new Fraction(100 + q, 100), answer);
                    break;
                }
                case "ratio_share":
                {
                    var (total, ratio, index) = (problem.Long("total"), problem.Longs("ratio"), problem.Long("index"));
                    MathSamples.AssertMentions(problem, total);
                    Assert.Contains(string.Join(":", ratio), problem.Prompt, StringComparison.Ordinal);
                    // Find the unit by search: the shares must add up to the total.
                    var unit = Enumerable.Range(1, (int)total).Single(u => ratio.Sum() * u == total);
                    Assert.Equal(ratio[index] * unit, answer);
                    break;
                }
                case "reverse_percent":
                {
                    var (p, after) = (problem.Long("percent"), problem.Long("after"));
                    MathSamples.AssertMentions(problem, p, after);
                    Assert.Equal(after * 100, answer * (100 + p));
                    break;
                }
                case "ratio_difference":
                {
                    var (a, b, difference) = (problem.Long("a"), problem.Long("b"), problem.Long("difference"));
                    MathSamples.AssertMentions(problem, a, b, difference);
                    var unit = Enumerable.Range(1, (int)difference).Single(u => (a - b) * u == difference);
                    Assert.Equal((a + b) * unit, answer);
                    break;
                }
                default:
                    Assert.Fail($"unknown kind {problem.Text("kind")}");
                    break;
            }
        }
    }
}
