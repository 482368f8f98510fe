using System.Text.RegularExpressions;

namespace SynthData.Tests.Problems.Generators.Math;

public sealed partial class FractionsGeneratorTests
{
    [Theory]
    [MemberData(nameof(MathSamples.Difficulties), MemberType = typeof(MathSamples))]
    public void Answer_is_the_value_of_the_prompted_expression_in_lowest_terms(int difficulty)
    {
        foreach (var problem in MathSamples.Of("fractions", difficulty))
        {
            var expression = problem.Text("expression");
            Assert.Contains(ToLatex(expression), problem.Prompt, StringComparison.Ordinal);
            // ParseAnswer rejects anything not in lowest terms with the sign on the numerator.
            Assert.Equal(IndependentEvaluator.Evaluate(expression), Fraction.ParseAnswer(problem.Answer!));
        }
    }

    [Fact]
    public void Level_one_uses_one_common_denominator()
    {
        foreach (var problem in MathSamples.Of("fractions", 1))
        {
            var denominators = Denominator().Matches(problem.Text("expression")).Select(m => m.Groups[1].Value).Distinct();
            Assert.Single(denominators);
        }
    }

    private static string ToLatex(string ascii)
    {
        var text = NegativeFraction().Replace(ascii, @"(-\frac{$1}{$2})");
        text = PositiveFraction().Replace(text, @"\frac{$1}{$2}");
        return text.Replace(" * ", @" \times ", StringComparison.Ordinal).Replace(" / ", @" \div ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\(-(\d+)/(\d+)\)")]
    private static partial Regex NegativeFraction();

    [GeneratedRegex(@"\((\d+)/(\d+)\)")]
    private static partial Regex PositiveFraction();

    [GeneratedRegex(@"/(\d+)\)")]
    private static partial Regex Denominator();
}
