using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet.Serialization;
using SynthData.Config;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>An exporter whose rows have one fixed type, so it can also write Parquet.</summary>
public interface IParquetExporter
{
    ExportSink ParquetSink(Stream stream, string? split, AtomicFile.PendingFile? file);
}

/// <summary>
/// A training format with a typed row. The same row objects are written as JSON (names from
/// <c>JsonPropertyName</c>) and as Parquet (Parquet.Net honours the same attributes), so the two cannot drift apart.
/// </summary>
public abstract class TypedExporter<TRow> : IExporter, IParquetExporter where TRow : class
{
    public abstract string Format { get; }

    public bool IsTrainingFormat => true;

    /// <summary>The rows of one curated problem; <paramref name="written"/> rows are already in the file.</summary>
    public abstract IEnumerable<TRow> TypedRows(CuratedProblem problem, PipelineOptions options, int written);

    public IEnumerable<JsonNode> Rows(ProblemGroup group, PipelineOptions options, int written) =>
        group.Curated is { } p ? TypedRows(p, options, written).Select(r => JsonSerializer.SerializeToNode(r)!) : [];

    public ExportSink ParquetSink(Stream stream, string? split, AtomicFile.PendingFile? file) => new Sink(this, split, file, stream);

    /// <summary>
    /// Rows are written in row groups of <see cref="RowGroupRows"/>, each appended to the file, so memory holds one
    /// group however many rows there are; a file of fewer rows is one row group, as a single serialisation gives.
    /// </summary>
    private sealed class Sink(TypedExporter<TRow> exporter, string? split, AtomicFile.PendingFile? file, Stream stream) : ExportSink(exporter, split, file)
    {
        public const int RowGroupRows = 10_000;
        private readonly List<TRow> _buffer = [];
        private bool _started;

        protected override async Task WriteAsync(ProblemGroup group, PipelineOptions options, CancellationToken cancellationToken)
        {
            foreach (var row in exporter.TypedRows(group.Curated!, options, Records))
            {
                _buffer.Add(row);
                Records++;
            }

            if (_buffer.Count >= RowGroupRows)
                await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }

        protected override async Task FinishAsync(CancellationToken cancellationToken)
        {
            // An empty export is still a valid Parquet file with the schema and no rows.
            if (_buffer.Count > 0 || !_started)
                await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task FlushRowGroupAsync(CancellationToken cancellationToken)
        {
            await ParquetSerializer.SerializeAsync(_buffer, stream, new Parquet.ParquetOptions { Append = _started }, cancellationToken: cancellationToken).ConfigureAwait(false);
            _started = true;
            _buffer.Clear();
        }
    }
}
