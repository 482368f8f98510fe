namespace SynthData.Problems;

/// <summary>Where problems come from (generators, dataset files, ...): an extension point.</summary>
public interface IProblemSource
{
    /// <summary>Human-readable name for summaries and errors (a generator name or a file path).</summary>
    string Name { get; }

    /// <summary>Problems in a deterministic order; bad rows come back as errors, never as exceptions.</summary>
    IEnumerable<SourceItem> Read(CancellationToken cancellationToken);

    /// <summary>
    /// The items from the <paramref name="position"/>-th on (counting bad rows too): where the last batch stopped.
    /// Sources that can seek (generators) override this; files are read past their first items.
    /// </summary>
    IEnumerable<SourceItem> ReadFrom(long position, CancellationToken cancellationToken)
    {
        var i = 0L;
        foreach (var item in Read(cancellationToken))
        {
            if (i++ >= position)
                yield return item;
        }
    }
}

/// <summary>Either a problem or the reason a row could not become one.</summary>
public readonly record struct SourceItem(Problem? Problem, InputError? Error)
{
    public static SourceItem Ok(Problem problem) => new(problem, null);
    public static SourceItem Bad(InputError error) => new(null, error);
}

/// <summary>A bad input row: file, line, field and what was expected.</summary>
public sealed record InputError(string File, long Line, string Field, string Message)
{
    public override string ToString() =>
        Field.Length > 0 ? $"{File}:{Line}: {Field}: {Message}" : $"{File}:{Line}: {Message}";
}
