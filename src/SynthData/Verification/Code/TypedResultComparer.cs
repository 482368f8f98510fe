using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Verification.Code;

/// <summary>
/// Compares a program's type-tagged result with the JSON value a test expects, outside the sandbox and by type:
/// null is None only; true/false are bool only (never 1/0); an integral JSON number is an int only (never True,
/// never 1.0); a number written with a fraction or exponent is a float (equal, or within 1e-9 relative); a
/// string is a str; an array is a list (not a tuple); an object is a dict with str keys.
/// </summary>
public static class TypedResultComparer
{
    private const double RelativeTolerance = 1e-9;

    public static bool Matches(JsonNode? expected, JsonNode? tagged)
    {
        if (tagged is not JsonArray { Count: >= 1 } t || t[0] is not JsonValue tagNode || tagNode.GetValueKind() != JsonValueKind.String)
            return false;
        var tag = tagNode.GetValue<string>();
        var payload = t.Count > 1 ? t[1] : null;
        switch (expected)
        {
            case null:
                return tag == "none";
            case JsonArray items:
                return tag == "list" && payload is JsonArray got && got.Count == items.Count
                    && items.Select((item, i) => Matches(item, got[i])).All(ok => ok);
            case JsonObject obj:
                return tag == "dict" && payload is JsonArray pairs && pairs.Count == obj.Count && MatchesDict(obj, pairs);
            case JsonValue value:
                return MatchesScalar(value, tag, payload);
            default:
                return false;
        }
    }

    private static bool MatchesDict(JsonObject expected, JsonArray pairs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (pair is not JsonArray { Count: 2 } kv || kv[0] is not JsonArray { Count: 2 } key
                || key[0]?.GetValue<string>() != "str" || key[1] is null)
                return false;
            var name = key[1]!.GetValue<string>();
            if (!seen.Add(name) || !expected.TryGetPropertyValue(name, out var want) || !Matches(want, kv[1]))
                return false;
        }
        return true;
    }

    private static bool MatchesScalar(JsonValue expected, string tag, JsonNode? payload)
    {
        switch (expected.GetValueKind())
        {
            case JsonValueKind.True:
            case JsonValueKind.False:
                return tag == "bool" && payload?.GetValueKind() == expected.GetValueKind();
            case JsonValueKind.String:
                return tag == "str" && payload?.GetValueKind() == JsonValueKind.String
                    && string.Equals(payload.GetValue<string>(), expected.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Number:
                var text = expected.ToJsonString();
                if (payload?.GetValueKind() != JsonValueKind.String)
                    return false;
                var got = payload.GetValue<string>();
                return IsIntegralLiteral(text)
                    ? tag == "int" && BigInteger.TryParse(got, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var g)
                        && g == BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                    : tag == "float" && CloseEnough(double.Parse(text, CultureInfo.InvariantCulture), ParseFloat(got));
            default:
                return false;
        }
    }

    private static bool IsIntegralLiteral(string text) => text.AsSpan().IndexOfAny(".eE") < 0;

    private static double ParseFloat(string repr) => repr switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" => double.NaN,
        _ => double.TryParse(repr, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN,
    };

    private static bool CloseEnough(double expected, double got) =>
        expected.Equals(got) || System.Math.Abs(expected - got) <= RelativeTolerance * System.Math.Max(1.0, System.Math.Abs(expected));
}
