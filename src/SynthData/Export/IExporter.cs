using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Filtering;
using SynthData.Ledger;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// One training-data format: an extension point. An exporter turns one problem at a time into rows, so every export
/// is one ordered pass over the ledger in constant memory; exports are pure functions of the ledger.
/// </summary>
public interface IExporter
{
    /// <summary>The <c>--format</c> name.</summary>
    string Format { get; }

    /// <summary>True for training formats (rows of one split's curated problems); false for raw (every attempt, one file).</summary>
    bool IsTrainingFormat { get; }

    /// <summary>
    /// The rows <paramref name="group"/> contributes, in order. Training formats only see curated problems of the
    /// file's split; <paramref name="written"/> is the number of rows the file already holds.
    /// </summary>
    IEnumerable<JsonNode> Rows(ProblemGroup group, PipelineOptions options, int written);
}

/// <summary>What every export reads: one ordered pass over the ledger's attempts, the problems dropped before sampling, and the options.</summary>
public sealed class ExportContext
{
    private readonly Func<IEnumerable<LedgerAttempt>> _attempts;

    /// <param name="attempts">A fresh enumeration of the attempts per call, ordered by problem id, then sample index
    /// (as <see cref="RunLedger.StreamAttempts"/> returns them).</param>
    public ExportContext(Func<IEnumerable<LedgerAttempt>> attempts, PipelineOptions options, IReadOnlyList<DroppedProblem>? droppedProblems = null)
    {
        _attempts = attempts;
        Options = options;
        DroppedProblems = droppedProblems ?? [];
    }

    /// <summary>The attempts drawn under the settings <c>export.settings</c> chooses (by default the config's).</summary>
    public static ExportContext Read(RunLedger ledger, PipelineOptions options)
    {
        var fingerprints = Pipeline.Settings.SettingsResolver.ForReading(ledger, options, options.Export.Settings);
        return new(() => ledger.StreamAttempts(fingerprints), options, ledger.ReadDroppedProblems());
    }

    public PipelineOptions Options { get; }
    public IReadOnlyList<DroppedProblem> DroppedProblems { get; }

    /// <summary>A new curation and the ordered pass it reads; the curation's totals are complete once the pass has ended.</summary>
    public (Curation Curation, IEnumerable<ProblemGroup> Groups) Pass()
    {
        var curation = new Curation(Options, DroppedProblems);
        return (curation, curation.Groups(_attempts()));
    }
}
