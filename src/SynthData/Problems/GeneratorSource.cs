namespace SynthData.Problems;

/// <summary>A configured generator as a problem source.</summary>
public sealed class GeneratorSource(IProblemGenerator generator, long seed, int difficulty, int count) : IProblemSource
{
    public string Name => generator.Name;

    public IEnumerable<SourceItem> Read(CancellationToken cancellationToken)
    {
        foreach (var problem in GeneratorRunner.Generate(generator, seed, difficulty, count))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return SourceItem.Ok(problem);
        }
    }
}
