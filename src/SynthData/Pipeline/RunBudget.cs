using System.Globalization;
using SynthData.Config;
using SynthData.Sampling;

namespace SynthData.Pipeline;

/// <summary>
/// The per-run caps on requests, tokens and estimated cost. Requests are reserved before they are sent, so that cap is
/// exact; tokens and cost are known only after a response, so requests already in flight may pass those caps slightly.
/// </summary>
public sealed class RunBudget(BudgetOptions budget, ModelOptions model)
{
    private long _requests;
    private long _tokens;
    private long _promptTokens;
    private long _completionTokens;

    public double CostUsd => model.PriceUsd(Interlocked.Read(ref _promptTokens), Interlocked.Read(ref _completionTokens));

    /// <summary>Reserves one request, or throws <see cref="BudgetExhaustedException"/> naming the cap that was reached.</summary>
    public void ReserveRequest()
    {
        if (ExhaustedReason() is { } reason)
            throw new BudgetExhaustedException(reason);
        if (budget.MaxRequests is { } max && Interlocked.Increment(ref _requests) > max)
        {
            Interlocked.Decrement(ref _requests);
            throw new BudgetExhaustedException($"request budget of {max} reached (run.budget.max_requests)");
        }
    }

    public void Charge(ModelCompletion completion)
    {
        Interlocked.Add(ref _tokens, completion.PromptTokens + completion.CompletionTokens);
        Interlocked.Add(ref _promptTokens, completion.PromptTokens);
        Interlocked.Add(ref _completionTokens, completion.CompletionTokens);
    }

    public string? ExhaustedReason()
    {
        if (budget.MaxTokens is { } maxTokens && Interlocked.Read(ref _tokens) >= maxTokens)
            return $"token budget of {maxTokens} reached (run.budget.max_tokens)";
        if (budget.MaxCostUsd is { } maxCost && CostUsd >= maxCost)
            return string.Create(CultureInfo.InvariantCulture, $"cost budget of ${maxCost:0.####} reached (run.budget.max_cost_usd)");
        return null;
    }
}

/// <summary>A cap was reached: the run stops cleanly; unrequested samples stay for a later run.</summary>
public sealed class BudgetExhaustedException(string reason) : Exception(reason);
