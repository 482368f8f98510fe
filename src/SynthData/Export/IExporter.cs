using SynthData.Config;
using SynthData.Filtering;
using SynthData.Ledger;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>Writes one training-data format from the ledger: an extension point. Exports are pure functions of the ledger.</summary>
public interface IExporter
{
    /// <summary>The <c>--format</c> name.</summary>
    string Format { get; }

    /// <summary>Writes the export to <paramref name="writer"/>; returns the number of records written.</summary>
    Task<int> WriteAsync(ExportContext context, TextWriter writer, CancellationToken cancellationToken);
}

/// <summary>What every exporter reads: the ledger's attempts, the problems dropped before sampling, and the options.</summary>
public sealed class ExportContext
{
    private readonly Lazy<CuratedDataset> _dataset;

    /// <param name="attempts">Ordered by problem id, then sample index (as <see cref="RunLedger.ReadAttempts"/> returns them).</param>
    public ExportContext(IReadOnlyList<LedgerAttempt> attempts, PipelineOptions options, IReadOnlyList<DroppedProblem>? droppedProblems = null)
    {
        Attempts = attempts;
        Options = options;
        DroppedProblems = droppedProblems ?? [];
        _dataset = new Lazy<CuratedDataset>(() => CuratedDataset.Build(Attempts, DroppedProblems, Options));
    }

    private ExportContext(ExportContext whole, string split)
    {
        Attempts = whole.Attempts;
        Options = whole.Options;
        DroppedProblems = whole.DroppedProblems;
        _dataset = whole._dataset;
        Split = split;
    }

    /// <summary>The attempts drawn under the settings <c>export.settings</c> chooses (by default the config's).</summary>
    public static ExportContext Read(RunLedger ledger, PipelineOptions options) =>
        new(ledger.ReadAttempts(Pipeline.Settings.SettingsResolver.ForReading(ledger, options, options.Export.Settings)), options, ledger.ReadDroppedProblems());

    public IReadOnlyList<LedgerAttempt> Attempts { get; }
    public PipelineOptions Options { get; }
    public IReadOnlyList<DroppedProblem> DroppedProblems { get; }

    /// <summary>Filters, selection and split applied (computed once, shared by split views).</summary>
    public CuratedDataset Dataset => _dataset.Value;

    /// <summary>The split this view is restricted to; null: all problems.</summary>
    public string? Split { get; }

    /// <summary>The curated problems of this view, by id.</summary>
    public IEnumerable<CuratedProblem> Problems => Split is null ? Dataset.Problems : Dataset.Problems.Where(p => p.Split == Split);

    /// <summary>The same data restricted to one split (<c>train</c> or <c>test</c>).</summary>
    public ExportContext ForSplit(string split) => new(this, split);
}
