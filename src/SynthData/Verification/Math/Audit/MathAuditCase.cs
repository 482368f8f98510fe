using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Verification.Math.Audit;

/// <summary>One labelled case of <c>audit math</c>: <c>{"id", "gold", "pred", "expected", "category"?}</c>.</summary>
public sealed record MathAuditCase(string Id, string Gold, string Pred, bool Expected, string Category)
{
    /// <summary>Reads line <paramref name="lineNumber"/>; on bad input returns null and names the line and field.</summary>
    public static MathAuditCase? TryRead(string line, int lineNumber, out string error)
    {
        error = "";
        try
        {
            if (JsonNode.Parse(line) is not JsonObject o)
                return Fail($"line {lineNumber}: expected a JSON object {{\"id\", \"gold\", \"pred\", \"expected\"}}", out error);
            var id = o["id"]?.ToString() ?? $"line-{lineNumber}";
            if (Text(o, "gold") is not { } gold)
                return Fail($"line {lineNumber} ({id}): field \"gold\": expected the reference answer as a string or number", out error);
            if (Text(o, "pred") is not { } pred)
                return Fail($"line {lineNumber} ({id}): field \"pred\": expected the prediction (answer or whole response) as a string or number", out error);
            if (o["expected"] is not JsonValue e || e.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                return Fail($"line {lineNumber} ({id}): field \"expected\": expected true (equivalent) or false (not equivalent)", out error);
            return new MathAuditCase(id, gold, pred, e.GetValue<bool>(), o["category"]?.ToString() ?? "(none)");
        }
        catch (JsonException ex)
        {
            return Fail($"line {lineNumber}: invalid JSON: {ex.Message}", out error);
        }
        catch (InvalidOperationException ex)
        {
            return Fail($"line {lineNumber}: unreadable value: {ex.Message}", out error);
        }
    }

    private static MathAuditCase? Fail(string message, out string error)
    {
        error = message;
        return null;
    }

    private static string? Text(JsonObject o, string name) => o[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };
}
