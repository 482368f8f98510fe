using System.Globalization;
using System.Text.Json.Nodes;
using SynthData.Verification.Audit;
using SynthData.Problems;

namespace SynthData.Verification.Math.Audit;

/// <summary>The audit report as text for people, or as one JSON object (<c>--json</c>) for machines.</summary>
public static class MathAuditWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task WriteTextAsync(MathAudit.Report report, string verifierVersion, int slowest, TextWriter w)
    {
        await AuditText.WriteSummaryAsync(w, $"audit math ({verifierVersion})", report.Overall, report.InputErrors.Count, report.Percentile(0.5), report.Percentile(0.99)).ConfigureAwait(false);
        await AuditText.WriteCategoriesAsync(w, report.ByCategory()).ConfigureAwait(false);

        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync($"slowest {slowest}:").ConfigureAwait(false);
        foreach (var o in report.Slowest(slowest))
            await w.WriteLineAsync(string.Create(Inv, $"  {o.DurationMs,9:0.###} ms  {o.Case.Id}")).ConfigureAwait(false);

        var disagreements = report.Disagreements.ToList();
        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync($"disagreements ({disagreements.Count}):").ConfigureAwait(false);
        foreach (var o in disagreements)
        {
            await w.WriteLineAsync($"  {o.Case.Id} [{o.Case.Category}] expected {(o.Case.Expected ? "equivalent" : "not equivalent")}, verifier said {(o.Result.Equivalent ? "equivalent" : "not equivalent")}").ConfigureAwait(false);
            await w.WriteLineAsync($"    gold: {AuditText.Short(o.Case.Gold)}").ConfigureAwait(false);
            await w.WriteLineAsync($"    pred: {AuditText.Short(o.Case.Pred)}").ConfigureAwait(false);
            await w.WriteLineAsync($"    extracted: {(o.Result.Extracted is { } x ? AuditText.Short(x) : "(none)")}; reason: {o.Result.Reason}").ConfigureAwait(false);
        }
        foreach (var error in report.InputErrors)
            await w.WriteLineAsync("input error: " + error).ConfigureAwait(false);
    }

    public static async Task WriteJsonAsync(MathAudit.Report report, string verifierVersion, int slowest, TextWriter w)
    {
        var json = new JsonObject
        {
            ["verifier_version"] = verifierVersion,
            ["overall"] = report.Overall.ToJson(),
            ["p50_ms"] = System.Math.Round(report.Percentile(0.5), 4),
            ["p99_ms"] = System.Math.Round(report.Percentile(0.99), 4),
            ["by_category"] = new JsonObject(report.ByCategory().Select(x => KeyValuePair.Create(x.Category, (JsonNode?)x.Counts.ToJson()))),
            ["slowest"] = new JsonArray([.. report.Slowest(slowest).Select(o => (JsonNode)new JsonObject { ["id"] = o.Case.Id, ["duration_ms"] = System.Math.Round(o.DurationMs, 4) })]),
            ["disagreements"] = new JsonArray([.. report.Disagreements.Select(o => (JsonNode)new JsonObject
            {
                ["id"] = o.Case.Id, ["category"] = o.Case.Category, ["gold"] = o.Case.Gold, ["pred"] = o.Case.Pred,
                ["expected"] = o.Case.Expected, ["equivalent"] = o.Result.Equivalent, ["extracted"] = o.Result.Extracted, ["reason"] = o.Result.Reason,
            })]),
            ["input_errors"] = new JsonArray([.. report.InputErrors.Select(e => (JsonNode)JsonValue.Create(e)!)]),
        };
        await w.WriteLineAsync(json.ToJsonString(ProblemJson.Compact)).ConfigureAwait(false);
    }
}
