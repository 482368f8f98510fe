using SynthData.Config;
using SynthData.Ledger;

namespace SynthData.Export;

/// <summary>Writes one training-data format from the ledger: an extension point. Exports are pure functions of the ledger.</summary>
public interface IExporter
{
    /// <summary>The <c>--format</c> name.</summary>
    string Format { get; }

    /// <summary>Writes the export to <paramref name="writer"/>; returns the number of records written.</summary>
    Task<int> WriteAsync(ExportContext context, TextWriter writer, CancellationToken cancellationToken);
}

/// <summary>What every exporter reads: the ledger's attempts and the options that shape records.</summary>
public sealed record ExportContext(IReadOnlyList<LedgerAttempt> Attempts, PipelineOptions Options);
