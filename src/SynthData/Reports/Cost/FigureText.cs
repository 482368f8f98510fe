using System.Globalization;
using SynthData.Pipeline.Adaptive;

namespace SynthData.Reports.Cost;

/// <summary>One-line renderings of the cost and adaptive-budget figures, shared by the run summary and <c>stats</c>.</summary>
public static class FigureText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Cost(CostFigures c)
    {
        if (!c.Priced)
            return string.Create(Inv, $"{c.AcceptedTraces} accepted traces, {c.KeptProblems} kept problems, {Tokens(c.TokensPerAcceptedTrace)} tokens per accepted trace (set model.price_per_million_*_tokens for dollars)");
        return string.Create(Inv, $"${c.CostUsd:0.######}: {Usd(c.CostPerAcceptedTrace)} per accepted trace ({c.AcceptedTraces}), {Usd(c.CostPerKeptProblem)} per kept problem ({c.KeptProblems})");
    }

    public static string Adaptive(AdaptiveTally t) => string.Create(Inv,
        $"{t.Decided} of {t.Problems} problems decided early (sft: {t.SftKept} kept, {t.SftFutile} futile; rl: {t.RlInside} inside, {t.RlOutside} outside the band), {t.BudgetSpent} used the whole budget, {t.Open} open; {t.SamplesDrawn} of {t.SamplesFixedBudget} samples drawn, {t.RequestsSaved} requests saved against the fixed budget");

    private static string Usd(double? v) => v is { } d ? string.Create(Inv, $"${d:0.########}") : "-";

    private static string Tokens(double? v) => v is { } d ? d.ToString("0", Inv) : "-";
}
