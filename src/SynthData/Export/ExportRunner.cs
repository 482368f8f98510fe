using SynthData.Config;
using SynthData.Ledger;

namespace SynthData.Export;

/// <summary>Runs an exporter over the ledger and writes the result atomically.</summary>
public static class ExportRunner
{
    public static IReadOnlyDictionary<string, IExporter> Exporters { get; } =
        new IExporter[] { new SftExporter() }.ToDictionary(e => e.Format, StringComparer.Ordinal);

    public static string DefaultPath(PipelineOptions options, string format) =>
        Path.Combine(options.OutputDirectory, $"{format}.jsonl");

    public static async Task<int> ExportAsync(RunLedger ledger, PipelineOptions options, IExporter exporter, string path, CancellationToken cancellationToken)
    {
        var context = new ExportContext(ledger.ReadAttempts(), options);
        var count = 0;
        await AtomicFile.WriteAsync(path, async w => count = await exporter.WriteAsync(context, w, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return count;
    }
}
