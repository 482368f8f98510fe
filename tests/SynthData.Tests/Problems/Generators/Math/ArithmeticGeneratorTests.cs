namespace SynthData.Tests.Problems.Generators.Math;

public sealed class ArithmeticGeneratorTests
{
    [Theory]
    [MemberData(nameof(MathSamples.Difficulties), MemberType = typeof(MathSamples))]
    public void Answer_is_the_value_of_the_prompted_expression(int difficulty)
    {
        foreach (var problem in MathSamples.Of("arithmetic", difficulty))
        {
            var expression = problem.Text("expression");
            var shown = expression.Replace(" * ", " × ", StringComparison.Ordinal).Replace(" / ", " ÷ ", StringComparison.Ordinal);
            Assert.Contains(shown, problem.Prompt, StringComparison.Ordinal);
            var expected = IndependentEvaluator.Evaluate(expression);
            Assert.True(expected.Den.IsOne, $"{expression} is not an integer");
            Assert.Equal(expected, Fraction.ParseAnswer(problem.Answer!));
        }
    }

    [Theory]
    [InlineData(1, 2, 2, false)]
    [InlineData(3, 4, 4, false)]
    [InlineData(4, 5, 5, true)]
    [InlineData(5, 6, 7, true)]
    public void Difficulty_sets_the_number_of_operations_and_exponents(int difficulty, int minOperations, int maxOperations, bool exponent)
    {
        foreach (var problem in MathSamples.Of("arithmetic", difficulty))
        {
            var expression = problem.Text("expression");
            // Binary operators are surrounded by spaces (or are ^); a leading '-' in "(-4)" is a sign.
            var operations = expression.Split(' ').Count(t => t is "+" or "-" or "*" or "/") + expression.Count(c => c == '^');
            Assert.InRange(operations, minOperations, maxOperations);
            Assert.Equal(exponent, expression.Contains('^', StringComparison.Ordinal));
        }
    }
}
