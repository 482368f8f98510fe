using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Logic.Search;

/// <summary>Typed reads of instance fields that name the field when the instance is malformed.</summary>
public static class InstanceFields
{
    public static int Int(JsonObject instance, string field, int min = int.MinValue, int max = int.MaxValue)
    {
        if (instance[field] is JsonValue v && v.TryGetValue<int>(out var i) && i >= min && i <= max)
            return i;
        if (instance[field] is JsonValue e && e.GetValueKind() == JsonValueKind.Number && e.TryGetValue<double>(out var d)
            && d == Math.Floor(d) && d >= min && d <= max)
            return (int)d;
        throw new LogicInstanceException(field, $"an integer in [{min}, {max}]");
    }

    public static string Str(JsonObject instance, string field)
    {
        if (instance[field] is JsonValue v && v.TryGetValue<string>(out var s))
            return s;
        throw new LogicInstanceException(field, "a string");
    }

    public static int[] Ints(JsonObject instance, string field, int min = int.MinValue, int max = int.MaxValue)
    {
        if (instance[field] is not JsonArray a)
            throw new LogicInstanceException(field, "an array of integers");
        var result = new int[a.Count];
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] is not JsonValue v || !v.TryGetValue<int>(out result[i]) || result[i] < min || result[i] > max)
                throw new LogicInstanceException($"{field}[{i}]", $"an integer in [{min}, {max}]");
        }
        return result;
    }

    public static string[] Strings(JsonObject instance, string field)
    {
        if (instance[field] is not JsonArray a)
            throw new LogicInstanceException(field, "an array of strings");
        var result = new string[a.Count];
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] is not JsonValue v || !v.TryGetValue<string>(out var s))
                throw new LogicInstanceException($"{field}[{i}]", "a string");
            result[i] = s;
        }
        return result;
    }

    public static JsonArray Array(IEnumerable<int> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
