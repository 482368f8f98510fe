namespace SynthData.Export;

/// <summary>The file format of an export, chosen by the extension of <c>--out</c>.</summary>
public enum ExportFileKind
{
    /// <summary><c>.jsonl</c>: one JSON object per line.</summary>
    Jsonl,
    /// <summary><c>.json</c>: one JSON array of the same objects (LLaMA-Factory and <c>datasets</c> read both).</summary>
    Json,
    /// <summary><c>.parquet</c>: typed columns, for the formats with a fixed row type (rl, grpo).</summary>
    Parquet,
}

public static class ExportFileKinds
{
    /// <summary>The format <paramref name="path"/>'s extension asks for; throws <see cref="ArgumentException"/> with
    /// what is supported when the extension is unknown or the format cannot be written as it.</summary>
    public static ExportFileKind For(IExporter exporter, string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var kind = ext switch
        {
            ".jsonl" => ExportFileKind.Jsonl,
            ".json" => ExportFileKind.Json,
            ".parquet" => ExportFileKind.Parquet,
            _ => throw new ArgumentException(
                $"--out {path}: the extension '{ext}' names no export file format; use .jsonl or .json" +
                (exporter is IParquetExporter ? " or .parquet" : "")),
        };
        if (kind == ExportFileKind.Parquet && exporter is not IParquetExporter)
            throw new ArgumentException($"--out {path}: the {exporter.Format} export cannot be written as Parquet (rows of nested, " +
                "varying messages); use .jsonl or .json (Parquet: rl, grpo)");
        return kind;
    }
}
