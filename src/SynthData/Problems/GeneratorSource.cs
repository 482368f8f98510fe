namespace SynthData.Problems;

/// <summary>A configured generator as a problem source: problem i depends only on (seed, i), so it can start anywhere.</summary>
public sealed class GeneratorSource(IProblemGenerator generator, long seed, int difficulty, long count) : IProblemSource
{
    public string Name => generator.Name;

    public IEnumerable<SourceItem> Read(CancellationToken cancellationToken) => ReadFrom(0, cancellationToken);

    public IEnumerable<SourceItem> ReadFrom(long position, CancellationToken cancellationToken)
    {
        foreach (var problem in GeneratorRunner.Generate(generator, seed, difficulty, count, position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return SourceItem.Ok(problem);
        }
    }
}
