namespace SynthData.Problems.Generators.Code;

/// <summary>The built-in code generator families.</summary>
public static class CodeGenerators
{
    public static IReadOnlyList<IProblemGenerator> All { get; } =
    [
        new RunLengthEncodingGenerator(),
        new RomanNumeralsGenerator(),
        new MergeIntervalsGenerator(),
        new KthPrimeGenerator(),
        new BalancedBracketsGenerator(),
        new RotateMatrixGenerator(),
        new TopKWordsGenerator(),
    ];
}
