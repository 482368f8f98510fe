using System.Globalization;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Sampling;

namespace SynthData.Pipeline;

/// <summary>
/// The per-run caps on requests, tokens and estimated cost. Requests are reserved before they are sent, so that cap is
/// exact; tokens and cost are known only after a response, so requests already in flight may pass those caps slightly.
/// On a shared ledger the counts are the batch's, kept in the database (<see cref="SharedBudget"/>), so the caps hold
/// across all its workers.
/// </summary>
public sealed class RunBudget(BudgetOptions budget, ModelOptions model, SharedBudget? shared = null)
{
    private long _requests;
    private long _promptTokens;
    private long _completionTokens;

    public double CostUsd => model.PriceUsd(Interlocked.Read(ref _promptTokens), Interlocked.Read(ref _completionTokens));

    /// <summary>Reserves one request, or throws <see cref="BudgetExhaustedException"/> naming the cap that was reached.</summary>
    public void ReserveRequest()
    {
        if (ExhaustedReason() is { } reason)
            throw new BudgetExhaustedException(reason);
        if (budget.MaxRequests is { } sharedMax && shared is not null)
        {
            if (!shared.TryReserveRequest(sharedMax))
                throw new BudgetExhaustedException($"request budget of {sharedMax} reached (run.budget.max_requests)");
        }
        else if (budget.MaxRequests is { } max && Interlocked.Increment(ref _requests) > max)
        {
            Interlocked.Decrement(ref _requests);
            throw new BudgetExhaustedException($"request budget of {max} reached (run.budget.max_requests)");
        }
    }

    public void Charge(ModelCompletion completion)
    {
        Interlocked.Add(ref _promptTokens, completion.PromptTokens);
        Interlocked.Add(ref _completionTokens, completion.CompletionTokens);
        if (shared is not null && (budget.MaxTokens is not null || budget.MaxCostUsd is not null))
            shared.Charge(completion.PromptTokens, completion.CompletionTokens);
    }

    public string? ExhaustedReason()
    {
        if (shared is not null && (budget.MaxTokens is not null || budget.MaxCostUsd is not null))
            return ExhaustedReason(shared.Tokens());
        return ExhaustedReason((Interlocked.Read(ref _promptTokens), Interlocked.Read(ref _completionTokens)));
    }

    private string? ExhaustedReason((long Prompt, long Completion) used)
    {
        var tokens = used.Prompt + used.Completion;
        var cost = ((used.Prompt * model.PricePerMillionPromptTokens) + (used.Completion * model.PricePerMillionCompletionTokens)) / 1_000_000;
        if (budget.MaxTokens is { } maxTokens && tokens >= maxTokens)
            return $"token budget of {maxTokens} reached (run.budget.max_tokens)";
        if (budget.MaxCostUsd is { } maxCost && cost >= maxCost)
            return string.Create(CultureInfo.InvariantCulture, $"cost budget of ${maxCost:0.####} reached (run.budget.max_cost_usd)");
        return null;
    }
}

/// <summary>A cap was reached: the run stops cleanly; unrequested samples stay for a later run.</summary>
public sealed class BudgetExhaustedException(string reason) : Exception(reason);
