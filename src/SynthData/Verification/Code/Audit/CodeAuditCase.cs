using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Verification.Code.Audit;

/// <summary>
/// One labelled case of <c>audit code</c>: a <c>verify code</c> row (program and tests in any of its forms) plus
/// <c>"expected": true|false</c> (should the program pass its tests?) and an optional <c>"category"</c>.
/// </summary>
public sealed record CodeAuditCase(string Id, CodeRow Row, bool Expected, string Category)
{
    /// <summary>Reads line <paramref name="lineNumber"/>; on bad input returns null and names the line and field.</summary>
    public static CodeAuditCase? TryRead(string line, int lineNumber, out string error)
    {
        error = "";
        JsonObject o;
        try
        {
            if (JsonNode.Parse(line) is not JsonObject parsed)
                return Fail($"line {lineNumber}: expected a JSON object {{\"id\", \"code\", tests..., \"expected\"}}", out error);
            o = parsed;
        }
        catch (JsonException ex)
        {
            return Fail($"line {lineNumber}: invalid JSON: {ex.Message}", out error);
        }
        var id = o["id"]?.ToString() ?? $"line-{lineNumber}";
        if (o["expected"] is not JsonValue e || e.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            return Fail($"line {lineNumber} ({id}): field \"expected\": expected true (the program should pass its tests) or false (it should not)", out error);
        if (o["category"] is { } c && (c is not JsonValue cv || cv.GetValueKind() != JsonValueKind.String))
            return Fail($"line {lineNumber} ({id}): field \"category\": expected a string", out error);
        try
        {
            return new CodeAuditCase(id, CodeRow.Read(o, lineNumber), e.GetValue<bool>(), o["category"]?.GetValue<string>() ?? "(none)");
        }
        catch (CodeRowException ex)
        {
            return Fail($"line {lineNumber} ({id}): {ex.Message}", out error);
        }
    }

    private static CodeAuditCase? Fail(string message, out string error)
    {
        error = message;
        return null;
    }
}
