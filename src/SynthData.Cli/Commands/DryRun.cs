using System.Globalization;
using System.Text.Json;
using SynthData.Config;
using SynthData.Pipeline;
using SynthData.Problems;
using SynthData.Reports.Cost;

namespace SynthData.Cli.Commands;

/// <summary><c>run --dry-run</c>: prints the projection of the next run; no model is contacted and nothing is recorded.</summary>
internal static class DryRun
{
    public static int Print(PipelineOptions options, bool json, CliIO io, CancellationToken ct)
    {
        ProblemSourceFactory.CheckFilesExist(options);
        var collected = ProblemCollector.Collect(ProblemSourceFactory.Create(options), null, ct).Problems;
        using var ledger = Ledger.RunLedger.Exists(options.OutputDirectory) ? Ledger.RunLedger.Open(options.OutputDirectory) : null;
        var p = RunProjection.Estimate(options, collected, ledger);
        if (json)
        {
            io.Out.WriteLine(JsonSerializer.Serialize(p));
            return ExitCodes.Ok;
        }

        var inv = CultureInfo.InvariantCulture;
        var w = io.Out;
        w.WriteLine("dry run: no request sent, the ledger is unchanged");
        w.WriteLine(string.Create(inv, $"  problems      {p.Problems} from the sources (before dedup and decontamination), {p.ProblemsWithSamples} already with samples"));
        w.WriteLine(p.Adaptive
            ? string.Create(inv, $"  samples       {p.Samples:0.#} expected with adaptive budgets ({p.SamplesFixedBudget:0} at the fixed budget; pass rates of {p.HistoryProblems} problems in the ledger)")
            : string.Create(inv, $"  samples       {p.Samples:0.#} (samples_per_problem {options.Model.SamplesPerProblem})"));
        w.WriteLine(string.Create(inv, $"  requests      {p.Requests:0.#} (before retries)"));
        w.WriteLine(p.PromptTokens is { } pt
            ? string.Create(inv, $"  tokens        {pt:0} prompt, {p.CompletionTokens:0} completion (means of {p.HistorySamples} samples in the ledger)")
            : "  tokens        unknown: the ledger has no samples to take means from");
        w.WriteLine(p.CostUsd is { } cost
            ? string.Create(inv, $"  cost          ${cost:0.######}, about ${p.CostPerAcceptedTrace:0.########} per accepted trace ({p.AcceptedTraces:0} expected)")
            : "  cost          unknown (needs samples in the ledger and model.price_per_million_*_tokens)");
        return ExitCodes.Ok;
    }
}
