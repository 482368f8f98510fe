namespace SynthData.Tests.Problems.Generators.Math;

public sealed class QuadraticRootsGeneratorTests
{
    [Theory]
    [MemberData(nameof(MathSamples.Difficulties), MemberType = typeof(MathSamples))]
    public void Answer_lists_exactly_the_roots_of_the_prompted_equation_in_increasing_order(int difficulty)
    {
        foreach (var problem in MathSamples.Of("quadratic_roots", difficulty))
        {
            var equation = problem.Text("equation");
            Assert.Contains(MathSamples.DisplayForm(equation), problem.Prompt, StringComparison.Ordinal);
            var roots = problem.Answer!.Split(", ").Select(Fraction.ParseAnswer).ToArray();

            // Recover ax^2 + bx + c from the residual at x = -1, 0, 1, independently of the metadata.
            var (minus, zero, plus) = (Residual(equation, -1), Residual(equation, 0), Residual(equation, 1));
            var c = zero;
            var a = (plus + minus - c - c) / 2;
            var b = (plus - minus) / 2;
            Assert.False(a.IsZero, "not a quadratic");
            var discriminant = b * b - 4 * a * c;

            foreach (var root in roots)
                Assert.True(Residual(equation, root).IsZero, $"{root} is not a root of {equation}");
            Assert.Equal(discriminant.IsZero ? 1 : 2, roots.Length);
            Assert.True(discriminant.Num.Sign >= 0);
            if (roots.Length == 2)
                Assert.True((roots[1] - roots[0]).Num.Sign > 0, "roots must be distinct and increasing");
            if (difficulty == 4)
                Assert.Contains(roots, r => !r.Den.IsOne);
            if (difficulty <= 3)
                Assert.All(roots, r => Assert.True(r.Den.IsOne));
        }
    }

    private static Fraction Residual(string equation, Fraction x) =>
        IndependentEvaluator.Residual(equation, new Dictionary<char, Fraction> { ['x'] = x });
}
