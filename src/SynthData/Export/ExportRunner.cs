using SynthData.Config;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>A file an export wrote and how many records it holds.</summary>
public sealed record ExportedFile(string Path, int Records);

/// <summary>Runs an exporter over the ledger and writes the result atomically, one file per split when splitting.</summary>
public static class ExportRunner
{
    /// <summary>The Hugging Face <c>datasets</c> folder: every training format plus a dataset card.</summary>
    public const string HfFormat = "hf";

    public static IReadOnlyDictionary<string, IExporter> Exporters { get; } =
        new IExporter[] { new SftExporter(), new DpoExporter(), new RlExporter(), new ShareGptExporter(), new RawExporter() }
            .ToDictionary(e => e.Format, StringComparer.Ordinal);

    public static string DefaultPath(PipelineOptions options, string format) =>
        format == HfFormat ? Path.Combine(options.OutputDirectory, "hf") : Path.Combine(options.OutputDirectory, $"{format}.jsonl");

    /// <summary>
    /// Writes <paramref name="path"/>, or with <c>export.test_fraction</c> &gt; 0 its <c>.train</c>/<c>.test</c>
    /// siblings (raw, and a context already restricted to one split, are written whole). The RL export also writes the same rows as Parquet beside each JSONL file.
    /// </summary>
    public static async Task<IReadOnlyList<ExportedFile>> ExportAsync(ExportContext context, IExporter exporter, string path, CancellationToken cancellationToken)
    {
        var files = new List<ExportedFile>();
        List<(string File, ExportContext View)> views = Splits(context.Options).Count == 1 || context.Split is not null || exporter is RawExporter
            ? [(path, context)]
            : [.. Splits(context.Options).Select(s => (SplitPath(path, s), context.ForSplit(s)))];
        foreach (var (file, view) in views)
        {
            var count = 0;
            await AtomicFile.WriteAsync(file, async w => count = await exporter.WriteAsync(view, w, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            files.Add(new ExportedFile(file, count));
            if (exporter is RlExporter)
            {
                var parquet = Path.ChangeExtension(file, ".parquet");
                files.Add(new ExportedFile(parquet, await RlParquet.WriteAsync(view, parquet, cancellationToken).ConfigureAwait(false)));
            }
        }

        return files;
    }

    /// <summary><c>train</c> alone, or <c>train</c> and <c>test</c> when a test fraction is configured.</summary>
    public static IReadOnlyList<string> Splits(PipelineOptions options) =>
        options.Export.TestFraction > 0 ? [SplitAssigner.Train, SplitAssigner.Test] : [SplitAssigner.Train];

    /// <summary><c>dir/sft.jsonl</c> → <c>dir/sft.train.jsonl</c>.</summary>
    public static string SplitPath(string path, string split) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}.{split}{Path.GetExtension(path)}");
}
