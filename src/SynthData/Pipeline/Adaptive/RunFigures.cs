using Microsoft.Extensions.Logging;
using SynthData.Config;
using SynthData.Export;
using SynthData.Ledger;
using SynthData.Reports.Cost;

namespace SynthData.Pipeline.Adaptive;

/// <summary>The end-of-run figures read back from the ledger: cost per accepted trace and kept problem, and what adaptive budgets decided.</summary>
public static class RunFigures
{
    public static void Fill(RunSummary summary, PipelineOptions options, RunLedger ledger, long runId, string fingerprint, WaveProducer? waves, ILogger logger)
    {
        try
        {
            summary.Cost = CostFigures.Compute(new ExportContext(() => ledger.StreamAttempts([fingerprint]), options, ledger.ReadDroppedProblems()), runId);
            if (options.Model.Adaptive.Enabled)
            {
                var tally = AdaptiveTally.Compute(options, ledger, fingerprint);
                tally.Rounds = waves?.Rounds ?? 0;
                summary.Adaptive = tally;
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // The run's own results are committed; only the read-back figures are missing from its summary.
            logger.LogWarning("could not read the cost and adaptive figures back from the ledger: {Error}", e.Message);
        }
    }
}
