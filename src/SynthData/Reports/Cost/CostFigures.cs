using System.Text.Json.Serialization;
using SynthData.Config;
using SynthData.Export;

namespace SynthData.Reports.Cost;

/// <summary>
/// What the data cost: the ledger's token counts priced at <c>model.price_per_million_prompt_tokens</c> and
/// <c>model.price_per_million_completion_tokens</c>, divided by what the sft export gets from them: accepted traces, and
/// kept problems (problems with at least one trace the export keeps, after quality filters). Per-unit figures are null
/// when nothing was accepted or kept, or when no price is configured.
/// </summary>
public sealed record CostFigures
{
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; init; }
    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; init; }
    [JsonPropertyName("samples")] public long Samples { get; init; }
    [JsonPropertyName("accepted_traces")] public long AcceptedTraces { get; init; }
    [JsonPropertyName("kept_problems")] public long KeptProblems { get; init; }
    [JsonPropertyName("priced")] public bool Priced { get; init; }
    [JsonPropertyName("cost_usd")] public double CostUsd { get; init; }
    [JsonPropertyName("cost_per_accepted_trace")] public double? CostPerAcceptedTrace { get; init; }
    [JsonPropertyName("cost_per_kept_problem")] public double? CostPerKeptProblem { get; init; }
    [JsonPropertyName("tokens_per_accepted_trace")] public double? TokensPerAcceptedTrace { get; init; }

    /// <summary>
    /// Over the attempts the export reads (the current settings). With <paramref name="runId"/>: only that run's samples,
    /// its accepted traces, and the problems kept with a trace drawn in that run.
    /// </summary>
    public static CostFigures Compute(ExportContext context, long? runId = null)
    {
        long prompt = 0, completion = 0, samples = 0, accepted = 0, kept = 0;
        var (_, groups) = context.Pass();
        foreach (var g in groups)
        {
            foreach (var a in g.Attempts)
            {
                if (runId is { } r && a.Attempt.RunId != r)
                    continue;
                samples++;
                prompt += a.Attempt.PromptTokens;
                completion += a.Attempt.CompletionTokens;
                if (a.Verdict is { Accepted: true })
                    accepted++;
            }

            if (g.Curated is { } c && c.Selected.Any(s => runId is null || s.Attempt.RunId == runId))
                kept++;
        }

        return Of(context.Options.Model, prompt, completion, samples, accepted, kept);
    }

    public static CostFigures Of(ModelOptions model, long prompt, long completion, long samples, long accepted, long kept)
    {
        var priced = model.HasPrices();
        var cost = model.PriceUsd(prompt, completion);
        return new CostFigures
        {
            PromptTokens = prompt,
            CompletionTokens = completion,
            Samples = samples,
            AcceptedTraces = accepted,
            KeptProblems = kept,
            Priced = priced,
            CostUsd = Math.Round(cost, 6),
            CostPerAcceptedTrace = priced && accepted > 0 ? Math.Round(cost / accepted, 8) : null,
            CostPerKeptProblem = priced && kept > 0 ? Math.Round(cost / kept, 8) : null,
            TokensPerAcceptedTrace = accepted > 0 ? Math.Round((double)(prompt + completion) / accepted, 2) : null,
        };
    }
}
