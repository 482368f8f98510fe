using SynthData.Common;

namespace SynthData.Problems;

/// <summary>Turns a generator + (seed, difficulty, count) into identified problems with provenance.</summary>
public static class GeneratorRunner
{
    /// <summary>
    /// Problem i is drawn from a generator seeded by (seed, i, generator name), so asking for more problems
    /// never changes the first ones.
    /// </summary>
    public static IEnumerable<Problem> Generate(IProblemGenerator generator, long seed, int difficulty, long count, long start = 0)
    {
        if (difficulty < 1 || difficulty > generator.MaxDifficulty)
            throw new ArgumentOutOfRangeException(nameof(difficulty), $"difficulty must be 1..{generator.MaxDifficulty} for {generator.Name}");
        for (var i = start; i < count; i++)
        {
            var rng = SeededRandom.ForItem(seed, i, generator.Name + "/" + difficulty);
            var g = generator.Generate(rng, difficulty);
            yield return ToProblem(generator, g, seed, difficulty);
        }
    }

    public static Problem ToProblem(IProblemGenerator generator, GeneratedProblem g, long seed, int difficulty)
    {
        return new Problem
        {
            Id = ProblemId.For(generator.Domain, g.Prompt, g.Answer, g.Tests, g.IoTests, g.FunctionTests),
            Domain = generator.Domain,
            Prompt = g.Prompt,
            Answer = g.Answer,
            Solution = g.Solution,
            Tests = g.Tests,
            EntryPoint = g.EntryPoint,
            IoTests = g.IoTests,
            FunctionTests = g.FunctionTests,
            Metadata = g.Metadata,
            Source = ProblemOrigin.Generator(generator.Name, seed, difficulty),
        };
    }
}
