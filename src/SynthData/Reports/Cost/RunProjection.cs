using System.Text.Json.Serialization;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Pipeline;
using SynthData.Pipeline.Adaptive;
using SynthData.Pipeline.Settings;
using SynthData.Problems;

namespace SynthData.Reports.Cost;

/// <summary>
/// <c>run --dry-run</c>: what the next run would cost, estimated without sending a request or writing the ledger. The
/// problems are the configured sources' (before dedup and decontamination, so an upper bound), less the samples the
/// ledger already has under these settings. Samples per problem: the fixed budget, or under adaptive budgets the
/// expected count (<see cref="ExpectedSamples"/>) averaged over the pass rates of the ledger's sampled problems.
/// Tokens per sample and the accept rate come from the ledger's history; with no history they are unknown.
/// </summary>
public sealed record RunProjection
{
    [JsonPropertyName("problems")] public int Problems { get; init; }
    [JsonPropertyName("problems_with_samples")] public int ProblemsWithSamples { get; init; }
    [JsonPropertyName("history_problems")] public int HistoryProblems { get; init; }
    [JsonPropertyName("history_samples")] public long HistorySamples { get; init; }
    [JsonPropertyName("samples_fixed_budget")] public double SamplesFixedBudget { get; init; }
    [JsonPropertyName("samples")] public double Samples { get; init; }
    [JsonPropertyName("requests")] public double Requests { get; init; }
    [JsonPropertyName("prompt_tokens")] public double? PromptTokens { get; init; }
    [JsonPropertyName("completion_tokens")] public double? CompletionTokens { get; init; }
    [JsonPropertyName("cost_usd")] public double? CostUsd { get; init; }
    [JsonPropertyName("accepted_traces")] public double? AcceptedTraces { get; init; }
    [JsonPropertyName("cost_per_accepted_trace")] public double? CostPerAcceptedTrace { get; init; }
    [JsonPropertyName("adaptive")] public bool Adaptive { get; init; }

    public static RunProjection Estimate(PipelineOptions options, IReadOnlyList<Problem> problems, RunLedger? ledger)
    {
        var k = options.Model.SamplesPerProblem;
        var fingerprint = SamplingSettings.Of(options).Fingerprint;
        var done = new Dictionary<string, int>(StringComparer.Ordinal);
        var rates = new List<double>();
        long samples = 0, prompt = 0, completion = 0, accepted = 0;
        if (ledger is not null)
        {
            string? current = null;
            int verified = 0, ok = 0;
            foreach (var a in ledger.StreamAttempts())
            {
                if (a.Problem.Id != current)
                {
                    if (verified > 0)
                        rates.Add((double)ok / verified);
                    (current, verified, ok) = (a.Problem.Id, 0, 0);
                }

                samples++;
                prompt += a.Attempt.PromptTokens;
                completion += a.Attempt.CompletionTokens;
                if (a.Verdict is { IsVerifierError: false } v)
                {
                    verified++;
                    ok += v.Accepted ? 1 : 0;
                    accepted += v.Accepted ? 1 : 0;
                }

                if (a.Attempt.Fingerprint == fingerprint && a.Attempt.SampleIndex < k)
                    done[a.Problem.Id] = done.GetValueOrDefault(a.Problem.Id) + 1;
            }

            if (verified > 0)
                rates.Add((double)ok / verified);
        }

        var distinct = problems.DistinctBy(p => p.Id).ToList();
        var fixedLeft = distinct.Sum(p => (double)(k - Math.Min(k, done.GetValueOrDefault(p.Id))));
        var adaptive = options.Model.Adaptive.Enabled;
        var perProblem = (double)k;
        if (adaptive && rates.Count > 0)
        {
            var expected = new ExpectedSamples(options.Model, options.Selection);
            perProblem = rates.Average(expected.For);
        }

        // Problems already part-sampled are charged their fixed remainder: their waves depend on samples already in hand.
        var left = distinct.Sum(p => done.ContainsKey(p.Id) ? k - Math.Min(k, done[p.Id]) : perProblem);
        if (adaptive)
            left = Math.Min(left, fixedLeft);
        var perRequest = Math.Max(1, options.Model.SamplesPerRequest);
        double? promptTokens = samples > 0 ? left * prompt / samples : null;
        double? completionTokens = samples > 0 ? left * completion / samples : null;
        double? cost = promptTokens is { } pt && completionTokens is { } ct && options.Model.HasPrices()
            ? options.Model.PriceUsd(pt, ct)
            : null;
        double? acceptedTraces = samples > 0 ? left * accepted / samples : null;
        return new RunProjection
        {
            Problems = distinct.Count,
            ProblemsWithSamples = distinct.Count(p => done.ContainsKey(p.Id)),
            HistoryProblems = rates.Count,
            HistorySamples = samples,
            SamplesFixedBudget = fixedLeft,
            Samples = Math.Round(left, 1),
            Requests = Math.Round(left / perRequest, 1),
            PromptTokens = Round(promptTokens),
            CompletionTokens = Round(completionTokens),
            CostUsd = cost is { } c ? Math.Round(c, 6) : null,
            AcceptedTraces = Round(acceptedTraces),
            CostPerAcceptedTrace = cost is { } c2 && acceptedTraces is > 0 ? Math.Round(c2 / acceptedTraces.Value, 8) : null,
            Adaptive = adaptive,
        };
    }

    private static double? Round(double? v) => v is { } d ? Math.Round(d, 0) : null;
}
