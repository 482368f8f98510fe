using SynthData.Config;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>A file an export wrote and how many records it holds.</summary>
public sealed record ExportedFile(string Path, int Records);

/// <summary>What an export wrote, and the curation totals of its pass (filter counts for the summary).</summary>
public sealed record ExportResult(IReadOnlyList<ExportedFile> Files, Curation Curation);

/// <summary>Runs exporters over one ordered pass of the ledger and writes the results atomically.</summary>
public static class ExportRunner
{
    /// <summary>The Hugging Face <c>datasets</c> folder: every training format plus a dataset card.</summary>
    public const string HfFormat = "hf";

    public static IReadOnlyDictionary<string, IExporter> Exporters { get; } =
        new IExporter[] { new SftExporter(), new DpoExporter(), new RlExporter(), new GrpoExporter(), new ShareGptExporter(), new ShareGptDpoExporter(), new RawExporter() }
            .ToDictionary(e => e.Format, StringComparer.Ordinal);

    public static string DefaultPath(PipelineOptions options, string format) =>
        format == HfFormat ? Path.Combine(options.OutputDirectory, "hf") : Path.Combine(options.OutputDirectory, $"{format}.jsonl");

    /// <summary>
    /// Writes <paramref name="path"/> in the format its extension names (see <see cref="ExportFileKinds"/>), or with
    /// <c>export.test_fraction</c> &gt; 0 its <c>.train</c>/<c>.test</c> siblings (raw is written whole). The RL
    /// export written as JSONL also gets the same rows as Parquet beside it (verl reads Parquet). One pass.
    /// </summary>
    public static async Task<ExportResult> ExportAsync(ExportContext context, IExporter exporter, string path, CancellationToken cancellationToken)
    {
        var kind = ExportFileKinds.For(exporter, path);
        var splits = Splits(context.Options);
        List<(string File, string? Split)> views = splits.Count == 1 || !exporter.IsTrainingFormat
            ? [(path, null)]
            : [.. splits.Select(s => (SplitPath(path, s), (string?)s))];
        var sinks = new List<ExportSink>();
        try
        {
            foreach (var (file, split) in views)
            {
                sinks.Add(ExportSink.Create(exporter, file, split, kind));
                if (exporter is RlExporter && kind == ExportFileKind.Jsonl)
                    sinks.Add(ExportSink.Create(exporter, Path.ChangeExtension(file, ".parquet"), split, ExportFileKind.Parquet));
            }

            var curation = await RunPassAsync(context, sinks, null, cancellationToken).ConfigureAwait(false);
            var files = new List<ExportedFile>();
            foreach (var sink in sinks)
                files.Add((await sink.CompleteAsync(cancellationToken).ConfigureAwait(false))!);
            return new ExportResult(files, curation);
        }
        finally
        {
            foreach (var sink in sinks)
                await sink.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The whole export (no split) as JSONL into <paramref name="writer"/>; returns the rows written.</summary>
    public static async Task<int> WriteAsync(ExportContext context, IExporter exporter, TextWriter writer, CancellationToken cancellationToken)
    {
        await using var sink = ExportSink.ToWriter(exporter, writer);
        await RunPassAsync(context, [sink], null, cancellationToken).ConfigureAwait(false);
        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return sink.Records;
    }

    /// <summary>One ordered pass over the ledger: each problem group goes to every sink (and the observer) as it completes.</summary>
    public static async Task<Curation> RunPassAsync(ExportContext context, IReadOnlyList<ExportSink> sinks, Action<ProblemGroup>? observe, CancellationToken cancellationToken)
    {
        var (curation, groups) = context.Pass();
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            observe?.Invoke(group);
            foreach (var sink in sinks)
                await sink.AddAsync(group, context.Options, cancellationToken).ConfigureAwait(false);
        }

        return curation;
    }

    /// <summary><c>train</c> alone, or <c>train</c> and <c>test</c> when a test fraction is configured.</summary>
    public static IReadOnlyList<string> Splits(PipelineOptions options) =>
        options.Export.TestFraction > 0 ? [SplitAssigner.Train, SplitAssigner.Test] : [SplitAssigner.Train];

    /// <summary><c>dir/sft.jsonl</c> → <c>dir/sft.train.jsonl</c>.</summary>
    public static string SplitPath(string path, string split) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}.{split}{Path.GetExtension(path)}");
}
