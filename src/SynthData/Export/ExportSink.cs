using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// One output file of an export pass: takes each problem group as the pass meets it, keeps what belongs in this file
/// (training formats: curated problems of its split; raw: everything), and writes its rows at once.
/// </summary>
public abstract class ExportSink : IAsyncDisposable
{
    private readonly AtomicFile.PendingFile? _file;

    protected ExportSink(IExporter exporter, string? split, AtomicFile.PendingFile? file)
    {
        Exporter = exporter;
        Split = split;
        _file = file;
    }

    public IExporter Exporter { get; }

    /// <summary>The split this file holds; null: all problems.</summary>
    public string? Split { get; }

    public string? Path => _file?.Path;

    public int Records { get; protected set; }

    public bool Accepts(ProblemGroup group) =>
        !Exporter.IsTrainingFormat || (group.Curated is { } p && (Split is null || p.Split == Split));

    public Task AddAsync(ProblemGroup group, PipelineOptions options, CancellationToken cancellationToken) =>
        Accepts(group) ? WriteAsync(group, options, cancellationToken) : Task.CompletedTask;

    protected abstract Task WriteAsync(ProblemGroup group, PipelineOptions options, CancellationToken cancellationToken);

    /// <summary>Ends the file's content (footer, closing bracket).</summary>
    protected abstract Task FinishAsync(CancellationToken cancellationToken);

    /// <summary>Finishes the file and, when it is a file, renames it into place.</summary>
    public async Task<ExportedFile?> CompleteAsync(CancellationToken cancellationToken)
    {
        await FinishAsync(cancellationToken).ConfigureAwait(false);
        if (_file is null)
            return null;
        await _file.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ExportedFile(_file.Path, Records);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_file is not null)
            await _file.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>A sink for <paramref name="path"/> in the format its extension names.</summary>
    public static ExportSink Create(IExporter exporter, string path, string? split, ExportFileKind kind)
    {
        var file = AtomicFile.Begin(path);
        try
        {
            return kind == ExportFileKind.Parquet
                ? ((IParquetExporter)exporter).ParquetSink(file.Stream, split, file)
                : new TextSink(exporter, split, file, AtomicFile.NewWriter(file.Stream), kind == ExportFileKind.Json);
        }
        catch
        {
            file.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>JSONL rows into a writer the caller owns (stdout).</summary>
    public static ExportSink ToWriter(IExporter exporter, TextWriter writer, string? split = null) =>
        new TextSink(exporter, split, null, writer, asArray: false, ownsWriter: false);
}

/// <summary>JSONL (one object per line) or one JSON array of the same objects.</summary>
internal sealed class TextSink(IExporter exporter, string? split, AtomicFile.PendingFile? file, TextWriter writer, bool asArray, bool ownsWriter = true)
    : ExportSink(exporter, split, file)
{
    protected override async Task WriteAsync(ProblemGroup group, PipelineOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var row in Exporter.Rows(group, options, Records))
        {
            if (asArray)
                await writer.WriteAsync(Records == 0 ? "[\n" : ",\n").ConfigureAwait(false);
            await JsonlRows.WriteAsync(writer, row, lineEnd: !asArray).ConfigureAwait(false);
            Records++;
        }
    }

    private bool _writerClosed;

    protected override async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (asArray)
            await writer.WriteAsync(Records == 0 ? "[]\n" : "\n]\n").ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        // Closed before the file is committed: the writer must not touch the stream once it is renamed and closed.
        await CloseWriterAsync().ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        await CloseWriterAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private async Task CloseWriterAsync()
    {
        if (!ownsWriter || _writerClosed)
            return;
        _writerClosed = true;
        await writer.DisposeAsync().ConfigureAwait(false);
    }
}
