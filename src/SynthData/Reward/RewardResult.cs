using System.Text.Json.Nodes;
using SynthData.Verification;

namespace SynthData.Reward;

/// <summary>
/// The answer for one item: <c>{"score", "accepted", "kind", "reason", "error"?}</c>. <c>error</c> is present only
/// when the item was not judged (bad input, a verifier failure, the deadline): its score 0 is not a verdict.
/// </summary>
public sealed record RewardResult(double Score, bool Accepted, string Kind, string Reason, string? Error = null)
{
    /// <summary>The verdict's partial credit where the verifier gives one, else 1/0; never above 0 for a verifier error.</summary>
    public static RewardResult From(Verdict verdict)
    {
        if (verdict.IsVerifierError)
            return Failed(VerdictKinds.Error, verdict.Reason);
        var score = verdict.EffectiveScore() is var s && double.IsFinite(s) ? Math.Clamp(s, 0, 1) : 0;
        return new RewardResult(score, verdict.Accepted, verdict.Kind, verdict.Reason);
    }

    public static RewardResult Failed(string kind, string reason) => new(0, false, kind, reason, reason);

    public JsonObject ToJson()
    {
        var o = new JsonObject { ["score"] = Score, ["accepted"] = Accepted, ["kind"] = Kind, ["reason"] = Reason };
        if (Error is not null)
            o["error"] = Error;
        return o;
    }
}
