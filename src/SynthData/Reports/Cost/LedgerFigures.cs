using SynthData.Config;
using SynthData.Export;
using SynthData.Ledger;
using SynthData.Pipeline.Adaptive;
using SynthData.Pipeline.Settings;

namespace SynthData.Reports.Cost;

/// <summary>Cost and adaptive-budget figures of a whole ledger, for <c>stats</c> and <c>report</c>: over the samples the export reads.</summary>
public sealed record LedgerFigures(CostFigures Cost, AdaptiveTally? Adaptive)
{
    public static LedgerFigures Read(RunLedger ledger, PipelineOptions options, ExportContext context) =>
        new(CostFigures.Compute(context),
            options.Model.Adaptive.Enabled ? AdaptiveTally.Compute(options, ledger, SamplingSettings.Of(options).Fingerprint) : null);
}
