using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Verification.Code;

/// <summary>One call of the entry point as the harness saw it: a type-tagged result, or the exception it raised.</summary>
internal sealed record CallResult(int Index, JsonNode? Tagged, string? Raised);

/// <summary>
/// The harness's stdout: <c>NONCE R i ok TAGGED</c> / <c>NONCE R i raise "msg"</c> per call, then
/// <c>NONCE END kind "msg"</c>. Only the trusted harness process holds this descriptor; a missing END means the
/// run did not finish, which is never a pass.
/// </summary>
internal sealed record HarnessReport(IReadOnlyList<CallResult> Calls, string? EndKind, string EndMessage, bool Malformed)
{
    public static HarnessReport Parse(byte[] stdout, string nonce)
    {
        var calls = new List<CallResult>();
        string? endKind = null;
        var endMessage = string.Empty;
        var malformed = false;
        var prefix = nonce + " ";
        foreach (var line in Encoding.UTF8.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
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
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                malformed = true;
            }
        }
        return new HarnessReport(calls, endKind, endMessage, malformed);
    }
}
