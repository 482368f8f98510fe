using System.Text.Json.Serialization;
using SynthData.Problems;

namespace SynthData.Pipeline;

/// <summary>What one run did. Serialised into the ledger's runs table and printed at the end of <c>synthdata run</c>.</summary>
public sealed class RunSummary
{
    [JsonPropertyName("problems")] public int Problems { get; set; }
    [JsonPropertyName("new_problems")] public int NewProblems { get; set; }
    [JsonPropertyName("duplicate_problems")] public int DuplicateProblems { get; set; }
    /// <summary>Problems the problem filter kept out (benchmark overlap, exact or near duplicates).</summary>
    [JsonPropertyName("dropped_problems")] public int DroppedProblems { get; set; }
    [JsonPropertyName("drop_reasons")] public SortedDictionary<string, int> DropReasons { get; } = new(StringComparer.Ordinal);
    [JsonPropertyName("input_errors")] public int InputErrors { get; set; }
    [JsonPropertyName("samples_wanted")] public int SamplesWanted { get; set; }
    [JsonPropertyName("samples_already_done")] public int SamplesAlreadyDone { get; set; }
    [JsonPropertyName("requests")] public int Requests { get; set; }
    [JsonPropertyName("samples_completed")] public int SamplesCompleted { get; set; }
    [JsonPropertyName("request_errors")] public int RequestErrors { get; set; }
    [JsonPropertyName("verified")] public int Verified { get; set; }
    [JsonPropertyName("reverified")] public int Reverified { get; set; }
    [JsonPropertyName("accepted")] public int Accepted { get; set; }
    [JsonPropertyName("rejected")] public int Rejected { get; set; }
    [JsonPropertyName("verifier_errors")] public int VerifierErrors { get; set; }
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; set; }
    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; set; }
    [JsonPropertyName("interrupted")] public bool Interrupted { get; set; }
    [JsonPropertyName("aborted_reason")] public string? AbortedReason { get; set; }
    /// <summary>The endpoint refused requests in a way every request would share (401, 403, 404): fix the config.</summary>
    [JsonPropertyName("endpoint_rejected")] public bool EndpointRejected { get; set; }
    [JsonPropertyName("budget_reached")] public string? BudgetReached { get; set; }
    [JsonPropertyName("cost_usd")] public double CostUsd { get; set; }
    /// <summary>Lowest in-flight limit the adaptive concurrency fell to after 429s (null: never throttled).</summary>
    [JsonPropertyName("lowest_concurrency")] public int? LowestConcurrency { get; set; }
    [JsonPropertyName("elapsed_seconds")] public double ElapsedSeconds { get; set; }
    /// <summary>Cost per accepted trace and per kept problem of this run's samples, read back from the ledger.</summary>
    [JsonPropertyName("cost")] public Reports.Cost.CostFigures? Cost { get; set; }
    /// <summary>What adaptive budgets decided (model.adaptive.enabled only).</summary>
    [JsonPropertyName("adaptive")] public Adaptive.AdaptiveTally? Adaptive { get; set; }
    [JsonPropertyName("verdict_kinds")] public SortedDictionary<string, int> VerdictKinds { get; } = new(StringComparer.Ordinal);

    [JsonIgnore] public List<InputError> InputErrorList { get; } = [];

    [JsonIgnore] public List<Filtering.DroppedProblem> DroppedProblemList { get; } = [];

    /// <summary>Finished every wanted sample with no request or verifier errors.</summary>
    [JsonPropertyName("complete")]
    public bool Complete => !Interrupted && AbortedReason is null && BudgetReached is null && RequestErrors == 0 && VerifierErrors == 0;
}
