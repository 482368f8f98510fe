using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Verification.Code;

/// <summary>One call of the entry point as the harness saw it: a type-tagged result, or the exception it raised.</summary>
internal sealed record CallResult(int Index, JsonNode? Tagged, string? Raised);

/// <summary>
/// The trusted harness's report: <c>NONCE START</c>, then <c>NONCE R i ok TAGGED</c> / <c>NONCE R i raise "msg"</c>
/// per call, or (tests) <c>NONCE C passed total</c> (top-level assert cases, see harness.py), then
/// <c>NONCE END kind "msg"</c>. Only the trusted harness process holds this descriptor; a missing END means the
/// run did not finish, which is never a pass.
/// </summary>
internal sealed record HarnessReport(IReadOnlyList<CallResult> Calls, string? EndKind, string EndMessage, bool Malformed)
{
    /// <summary>Test cases of assert-style tests that passed, or null when the report has no count.</summary>
    public int? CasesPassed { get; init; }

    /// <summary>Test cases of assert-style tests in all, or null when the report has no count.</summary>
    public int? CasesTotal { get; init; }

    public static HarnessReport Parse(byte[] report, HarnessJob job)
    {
        var calls = new List<CallResult>();
        string? endKind = null;
        var endMessage = string.Empty;
        var malformed = !report.AsSpan().StartsWith(Encoding.ASCII.GetBytes(job.StartMarker));
        int? passed = null, total = null;
        var prefix = job.Nonce + " ";
        foreach (var line in Encoding.UTF8.GetString(report).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal) || endKind is not null)
            {
                malformed = true;
                continue;
            }
            var body = line[prefix.Length..];
            try
            {
                if (body.StartsWith("END ", StringComparison.Ordinal) && body[4..].Split(' ', 2) is [var kind, var message])
                {
                    endKind = kind;
                    endMessage = JsonNode.Parse(message)?.GetValue<string>() ?? string.Empty;
                }
                else if (body.StartsWith("C ", StringComparison.Ordinal) && body[2..].Split(' ') is [var p, var t] && passed is null)
                {
                    passed = int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture);
                    total = int.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture);
                    malformed |= passed > total;
                }
                else if (body.StartsWith("R ", StringComparison.Ordinal) && body[2..].Split(' ', 3) is [var index, var status, var payload])
                {
                    var i = int.Parse(index, CultureInfo.InvariantCulture);
                    calls.Add(status == "ok"
                        ? new CallResult(i, JsonNode.Parse(payload), null)
                        : new CallResult(i, null, JsonNode.Parse(payload)?.GetValue<string>() ?? "?"));
                }
                else
                {
                    malformed = true;
                }
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
            {
                malformed = true;
            }
        }
        return new HarnessReport(calls, endKind, endMessage, malformed) { CasesPassed = passed, CasesTotal = total };
    }
}
