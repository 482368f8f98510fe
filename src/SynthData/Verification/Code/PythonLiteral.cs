using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SynthData.Verification.Code;

/// <summary>
/// Python source text for JSON values (test arguments sent to the harness) and for type-tagged results (failure
/// messages), so that messages read like the Python the model wrote.
/// </summary>
internal static class PythonLiteral
{
    public static string FromJson(JsonNode? node)
    {
        var sb = new StringBuilder();
        AppendJson(sb, node);
        return sb.ToString();
    }

    /// <summary>Renders a harness result (<c>["int","5"]</c>, <c>["list",[...]]</c>, ...) as Python.</summary>
    public static string FromTagged(JsonNode? tagged)
    {
        var sb = new StringBuilder();
        AppendTagged(sb, tagged);
        return sb.ToString();
    }

    public static string Clip(string text, int max = 300) => text.Length <= max ? text : text[..max] + "...";

    private static void AppendJson(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("None");
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    AppendJson(sb, array[i]);
                }
                sb.Append(']');
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    AppendString(sb, key);
                    sb.Append(": ");
                    AppendJson(sb, value);
                }
                sb.Append('}');
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                AppendString(sb, value.GetValue<string>());
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.True:
                sb.Append("True");
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.False:
                sb.Append("False");
                break;
            default:
                // Numbers: JSON number syntax is valid Python (an integral literal is an int, others are floats).
                sb.Append(node.ToJsonString());
                break;
        }
    }

    private static void AppendTagged(StringBuilder sb, JsonNode? tagged)
    {
        if (tagged is not JsonArray { Count: >= 1 } t || t[0]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            sb.Append(tagged?.ToJsonString() ?? "?");
            return;
        }
        var payload = t.Count > 1 ? t[1] : null;
        switch (t[0]!.GetValue<string>())
        {
            case "none": sb.Append("None"); break;
            case "bool": sb.Append(payload?.GetValue<bool>() == true ? "True" : "False"); break;
            case "int" or "float": sb.Append(payload?.GetValue<string>()); break;
            case "complex": sb.Append(payload?.GetValue<string>()); break;
            case "str": AppendString(sb, payload?.GetValue<string>() ?? string.Empty); break;
            case "bytes": sb.Append("bytes.fromhex('").Append(payload?.GetValue<string>()).Append("')"); break;
            case "list": AppendItems(sb, payload, "[", "]"); break;
            case "tuple": AppendItems(sb, payload, "(", (payload as JsonArray)?.Count == 1 ? ",)" : ")"); break;
            case "set": AppendItems(sb, payload, "{", "}"); break;
            case "dict":
                sb.Append('{');
                var first = true;
                foreach (var pair in payload as JsonArray ?? [])
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    AppendTagged(sb, pair?[0]);
                    sb.Append(": ");
                    AppendTagged(sb, pair?[1]);
                }
                sb.Append('}');
                break;
            default: sb.Append(tagged.ToJsonString()); break;
        }
    }

    private static void AppendItems(StringBuilder sb, JsonNode? items, string open, string close)
    {
        sb.Append(open);
        var first = true;
        foreach (var item in items as JsonArray ?? [])
        {
            if (!first) sb.Append(", ");
            first = false;
            AppendTagged(sb, item);
        }
        sb.Append(close);
    }

    private static void AppendString(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ' or '\u007f': sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }
}
