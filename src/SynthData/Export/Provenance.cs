using System.Text.Json.Nodes;
using SynthData.Ledger;
using SynthData.Problems;

namespace SynthData.Export;

/// <summary>The provenance block every exported record carries: source, seed, model, sampling parameters, verifier.</summary>
public static class Provenance
{
    public static void AddTo(JsonObject row, LedgerAttempt a)
    {
        row["source"] = StableJson.Source(a.Problem.Source);
        row["model"] = a.Attempt.Model;
        row["sampling"] = StableJson.Sampling(a.Attempt.SamplingJson);
        if (a.Verdict is { } v)
        {
            row["verifier"] = new JsonObject
            {
                ["name"] = v.Verifier,
                ["version"] = v.VerifierVersion,
                ["kind"] = v.Kind,
                ["reason"] = v.Reason,
            };
        }

        row["usage"] = new JsonObject
        {
            ["prompt_tokens"] = a.Attempt.PromptTokens,
            ["completion_tokens"] = a.Attempt.CompletionTokens,
        };
        row["finish_reason"] = a.Attempt.FinishReason;
    }
}
