namespace SynthData.Problems.Generators.Math;

/// <summary>The built-in math generator families.</summary>
public static class MathGenerators
{
    public static IReadOnlyList<IProblemGenerator> All { get; } =
    [
        new ArithmeticGenerator(),
        new FractionsGenerator(),
        new LinearEquationGenerator(),
        new LinearSystemGenerator(),
        new GcdLcmGenerator(),
        new ModularArithmeticGenerator(),
        new CombinatoricsGenerator(),
        new PercentRatioGenerator(),
        new QuadraticRootsGenerator(),
    ];
}
