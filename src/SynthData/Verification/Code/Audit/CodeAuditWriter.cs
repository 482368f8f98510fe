using System.Globalization;
using System.Text.Json.Nodes;
using SynthData.Problems;
using SynthData.Verification.Audit;

namespace SynthData.Verification.Code.Audit;

/// <summary>The <c>audit code</c> report as text for people, or as one JSON object (<c>--json</c>) for machines.</summary>
public static class CodeAuditWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task WriteTextAsync(CodeAudit.Report report, string verifierVersion, int slowest, TextWriter w)
    {
        await AuditText.WriteSummaryAsync(w, $"audit code (code-sandbox {verifierVersion})", report.Overall, report.InputErrors.Count, report.Percentile(0.5), report.Percentile(0.99)).ConfigureAwait(false);
        if (report.VerifierErrors.Count > 0)
            await w.WriteLineAsync($"  {report.VerifierErrors.Count} checks the sandbox could not make (not counted above; listed below)").ConfigureAwait(false);
        await AuditText.WriteCategoriesAsync(w, report.ByCategory()).ConfigureAwait(false);

        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync("verdicts by kind: " + string.Join(", ", report.ByKind().Select(k => $"{k.Kind} {k.Count}"))).ConfigureAwait(false);

        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync($"slowest {slowest}:").ConfigureAwait(false);
        foreach (var o in report.Slowest(slowest))
            await w.WriteLineAsync(string.Create(Inv, $"  {o.DurationMs,9:0.#} ms  {o.Case.Id} ({o.Kind})")).ConfigureAwait(false);

        var disagreements = report.Disagreements.ToList();
        await w.WriteLineAsync().ConfigureAwait(false);
        await w.WriteLineAsync($"disagreements ({disagreements.Count}):").ConfigureAwait(false);
        foreach (var o in disagreements)
        {
            await w.WriteLineAsync($"  {o.Case.Id} [{o.Case.Category}] expected {(o.Case.Expected ? "pass" : "fail")}, verifier said {(o.Passed ? "PASSED" : "rejected")} ({o.Kind}, score {o.Score.ToString("0.###", Inv)})").ConfigureAwait(false);
            await w.WriteLineAsync($"    reason: {o.Reason}").ConfigureAwait(false);
            await w.WriteLineAsync($"    program: {(o.Case.Row.Program is { } p ? AuditText.Short(p) : "(none extracted)")}").ConfigureAwait(false);
        }
        foreach (var o in report.VerifierErrors)
            await w.WriteLineAsync($"verifier error: {o.Case.Id}: {o.Reason}").ConfigureAwait(false);
        foreach (var error in report.InputErrors)
            await w.WriteLineAsync("input error: " + error).ConfigureAwait(false);
    }

    public static async Task WriteJsonAsync(CodeAudit.Report report, string verifierVersion, int slowest, TextWriter w)
    {
        var json = new JsonObject
        {
            ["verifier"] = "code-sandbox",
            ["verifier_version"] = verifierVersion,
            ["overall"] = report.Overall.ToJson(),
            ["p50_ms"] = System.Math.Round(report.Percentile(0.5), 1),
            ["p99_ms"] = System.Math.Round(report.Percentile(0.99), 1),
            ["by_category"] = new JsonObject(report.ByCategory().Select(x => KeyValuePair.Create(x.Category, (JsonNode?)x.Counts.ToJson()))),
            ["by_kind"] = new JsonObject(report.ByKind().Select(x => KeyValuePair.Create(x.Kind, (JsonNode?)x.Count))),
            ["slowest"] = new JsonArray([.. report.Slowest(slowest).Select(o => (JsonNode)new JsonObject
            {
                ["id"] = o.Case.Id, ["kind"] = o.Kind, ["duration_ms"] = System.Math.Round(o.DurationMs, 1),
            })]),
            ["disagreements"] = new JsonArray([.. report.Disagreements.Select(o => (JsonNode)new JsonObject
            {
                ["id"] = o.Case.Id, ["category"] = o.Case.Category, ["expected"] = o.Case.Expected, ["passed"] = o.Passed,
                ["kind"] = o.Kind, ["score"] = o.Score, ["reason"] = o.Reason, ["extracted"] = o.Case.Row.Program,
            })]),
            ["verifier_errors"] = new JsonArray([.. report.VerifierErrors.Select(o => (JsonNode)new JsonObject { ["id"] = o.Case.Id, ["reason"] = o.Reason })]),
            ["input_errors"] = new JsonArray([.. report.InputErrors.Select(e => (JsonNode)JsonValue.Create(e)!)]),
        };
        await w.WriteLineAsync(json.ToJsonString(ProblemJson.Compact)).ConfigureAwait(false);
    }
}
