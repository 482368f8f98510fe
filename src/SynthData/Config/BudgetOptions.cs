using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

/// <summary>Per-run caps. Null means no cap. Requests in flight when a cap is reached are allowed to finish.</summary>
public sealed class BudgetOptions
{
    /// <summary>HTTP requests, retries included.</summary>
    [Range(1, long.MaxValue)]
    public long? MaxRequests { get; set; }

    /// <summary>Prompt + completion tokens.</summary>
    [Range(1, long.MaxValue)]
    public long? MaxTokens { get; set; }

    /// <summary>Estimated dollars, from the model's prices per million tokens.</summary>
    [Range(0.0, 1e12)]
    public double? MaxCostUsd { get; set; }
}
