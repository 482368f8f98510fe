namespace SynthData.Tests.Problems.Generators.Math;

public sealed class LinearSystemGeneratorTests
{
    [Theory]
    [MemberData(nameof(MathSamples.Difficulties), MemberType = typeof(MathSamples))]
    public void Answer_pair_satisfies_both_prompted_equations_and_is_unique(int difficulty)
    {
        foreach (var problem in MathSamples.Of("linear_system", difficulty))
        {
            var equations = problem.Meta("equations").AsArray().Select(e => e!.GetValue<string>()).ToArray();
            Assert.Equal(2, equations.Length);
            var pair = problem.Answer!;
            Assert.StartsWith("(", pair, StringComparison.Ordinal);
            Assert.EndsWith(")", pair, StringComparison.Ordinal);
            var parts = pair[1..^1].Split(", ");
            Assert.Equal(2, parts.Length);
            var (x, y) = (Fraction.ParseAnswer(parts[0]), Fraction.ParseAnswer(parts[1]));

            var rows = new List<(Fraction A, Fraction B)>();
            foreach (var equation in equations)
            {
                Assert.Contains(MathSamples.DisplayForm(equation), problem.Prompt, StringComparison.Ordinal);
                Assert.True(Residual(equation, x, y).IsZero, $"({x}, {y}) does not satisfy {equation}");
                var origin = Residual(equation, 0, 0);
                rows.Add((Residual(equation, 1, 0) - origin, Residual(equation, 0, 1) - origin));
            }
            Assert.False((rows[0].A * rows[1].B - rows[1].A * rows[0].B).IsZero, "the system has no unique solution");
        }
    }

    private static Fraction Residual(string equation, Fraction x, Fraction y) =>
        IndependentEvaluator.Residual(equation, new Dictionary<char, Fraction> { ['x'] = x, ['y'] = y });
}
