namespace SynthData.Problems;

/// <summary>A dataset source whose problems carry the dataset's licence in their origin.</summary>
public sealed class LicensedSource(IProblemSource inner, string license) : IProblemSource
{
    public string Name => inner.Name;

    public IEnumerable<SourceItem> Read(CancellationToken cancellationToken) =>
        inner.Read(cancellationToken).Select(i => i.Problem is { } p ? i with { Problem = p with { Source = p.Source with { License = license } } } : i);
}
