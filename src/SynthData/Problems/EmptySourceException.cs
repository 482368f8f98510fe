namespace SynthData.Problems;

/// <summary>
/// Configured sources that yield no problems at all (an empty file, a header without the needed columns, rows that
/// are all bad, a file declared in the wrong format): a run that would otherwise "complete" having done nothing.
/// </summary>
public sealed class EmptySourceException(IReadOnlyList<string> reasons)
    : Exception(string.Join(Environment.NewLine, reasons))
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
