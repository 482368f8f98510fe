using System.Globalization;
using System.Text.Json.Nodes;
using SynthData.Problems;

namespace SynthData.Verification.Math.Audit;

/// <summary>The audit report as text for people, or as one JSON object (<c>--json</c>) for machines.</summary>
public static class MathAuditWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task WriteTextAsync(MathAudit.Report report, string verifierVersion, int slowest, TextWriter w)
    {
        var all = report.Overall;
        await w.WriteLineAsync($"audit math ({verifierVersion}): {all.Total} cases, {report.InputErrors.Count} input errors").ConfigureAwait(false);
        await w.WriteLineAsync(string.Create(Inv, $"  agreement {all.Agreement:0.0000}  precision {all.Precision:0.0000}  recall {all.Recall:0.0000}")).ConfigureAwait(false);
        await w.WriteLineAsync($"  accepted: {all.TruePositives} right, {all.FalsePositives} WRONG (false accepts); rejected: {all.TrueNegatives} right, {all.FalseNegatives} wrong (misses)").ConfigureAwait(false);
        await w.WriteLineAsync(string.Create(Inv, $"  check time p50 {report.Percentile(0.5):0.###} ms, p99 {report.Percentile(0.99):0.###} ms")).ConfigureAwait(false);
        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync($"{"category",-32} {"cases",6} {"agree",7} {"TP",5} {"FP",5} {"TN",5} {"FN",5}").ConfigureAwait(false);
        foreach (var (category, c) in report.ByCategory())
            await w.WriteLineAsync(string.Create(Inv, $"{category,-32} {c.Total,6} {c.Agreement,7:0.000} {c.TruePositives,5} {c.FalsePositives,5} {c.TrueNegatives,5} {c.FalseNegatives,5}")).ConfigureAwait(false);

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
            await w.WriteLineAsync($"    gold: {Short(o.Case.Gold)}").ConfigureAwait(false);
            await w.WriteLineAsync($"    pred: {Short(o.Case.Pred)}").ConfigureAwait(false);
            await w.WriteLineAsync($"    extracted: {(o.Result.Extracted is { } x ? Short(x) : "(none)")}; reason: {o.Result.Reason}").ConfigureAwait(false);
        }
        foreach (var error in report.InputErrors)
            await w.WriteLineAsync("input error: " + error).ConfigureAwait(false);
    }

    public static async Task WriteJsonAsync(MathAudit.Report report, string verifierVersion, int slowest, TextWriter w)
    {
        var json = new JsonObject
        {
            ["verifier_version"] = verifierVersion,
            ["overall"] = Counts(report.Overall),
            ["p50_ms"] = System.Math.Round(report.Percentile(0.5), 4),
            ["p99_ms"] = System.Math.Round(report.Percentile(0.99), 4),
            ["by_category"] = new JsonObject(report.ByCategory().Select(x => KeyValuePair.Create(x.Category, (JsonNode?)Counts(x.Counts)))),
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

    private static JsonObject Counts(Confusion c) => new()
    {
        ["cases"] = c.Total,
        ["agreement"] = System.Math.Round(c.Agreement, 6),
        ["precision"] = System.Math.Round(c.Precision, 6),
        ["recall"] = System.Math.Round(c.Recall, 6),
        ["true_positives"] = c.TruePositives,
        ["false_positives"] = c.FalsePositives,
        ["true_negatives"] = c.TrueNegatives,
        ["false_negatives"] = c.FalseNegatives,
    };

    private static string Short(string text)
    {
        var one = text.ReplaceLineEndings(" ⏎ ");
        return one.Length <= 160 ? one : one[..80] + " … " + one[^60..];
    }
}
