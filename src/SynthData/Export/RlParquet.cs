using Parquet.Serialization;

namespace SynthData.Export;

/// <summary>The RL rows as a Parquet file (verl reads Parquet), written atomically.</summary>
public static class RlParquet
{
    public static async Task<int> WriteAsync(ExportContext context, string path, CancellationToken cancellationToken)
    {
        var rows = RlExporter.Rows(context).ToList();
        await AtomicFile.WriteStreamAsync(path, s => ParquetSerializer.SerializeAsync(rows, s, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }
}
