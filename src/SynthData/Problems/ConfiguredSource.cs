namespace SynthData.Problems;

/// <summary>
/// A configured source as a batch reads it. <paramref name="Key"/> names its stream in the ledger (generator, difficulty
/// and seed; or dataset path and format). <paramref name="Count"/> is a generator's fixed size (null: endless or a
/// file); <paramref name="File"/> is a dataset's resolved path, whose size and modification time tell whether it
/// changed since it was read to its end.
/// </summary>
public sealed record ConfiguredSource(IProblemSource Source, string Key, int? PerBatch, long? Count, string? File)
{
    public string Name => Source.Name;

    /// <summary>Identifies the file's content well enough to notice an edit or an append (empty for generators).</summary>
    public string Stamp()
    {
        if (File is null)
            return "";
        var info = new FileInfo(File);
        return info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "";
    }
}
