namespace SynthData.Tests.Problems.Generators.Math;

public sealed class LinearEquationGeneratorTests
{
    [Theory]
    [MemberData(nameof(MathSamples.Difficulties), MemberType = typeof(MathSamples))]
    public void Answer_satisfies_the_prompted_equation_which_has_one_solution(int difficulty)
    {
        foreach (var problem in MathSamples.Of("linear_equation", difficulty))
        {
            var equation = problem.Text("equation");
            Assert.Contains(MathSamples.DisplayForm(equation), problem.Prompt, StringComparison.Ordinal);
            var x = Fraction.ParseAnswer(problem.Answer!);
            Assert.True(IndependentEvaluator.Residual(equation, new Dictionary<char, Fraction> { ['x'] = x }).IsZero, $"x = {x} does not solve {equation}");
            // Linear residual r(x): a unique root needs a non-zero slope r(1) - r(0).
            var slope = IndependentEvaluator.Residual(equation, new Dictionary<char, Fraction> { ['x'] = 1 })
                      - IndependentEvaluator.Residual(equation, new Dictionary<char, Fraction> { ['x'] = 0 });
            Assert.False(slope.IsZero);
            if (difficulty <= 3)
                Assert.True(x.Den.IsOne);
            if (difficulty == 4)
                Assert.False(x.Den.IsOne);
        }
    }
}
