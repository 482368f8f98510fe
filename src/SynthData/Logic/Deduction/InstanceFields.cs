using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Logic.Deduction;

/// <summary>
/// Reads the fields of a puzzle instance for the deduction and arithmetic families; a missing or mistyped field is a
/// malformed instance (<see cref="LogicInstanceException"/> naming the field), never a wrong answer.
/// </summary>
internal static class InstanceFields
{
    public static int Int(JsonObject instance, string field, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = TryInt(instance[field]);
        return value is { } v && v >= min && v <= max
            ? v
            : throw new LogicInstanceException(field, $"an integer in [{min}, {max}]");
    }

    public static string String(JsonObject instance, string field) =>
        instance[field] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new LogicInstanceException(field, "a non-empty string");

    public static int[] Ints(JsonObject instance, string field, int min = int.MinValue, int max = int.MaxValue)
    {
        if (instance[field] is not JsonArray array)
            throw new LogicInstanceException(field, "an array of integers");
        var result = new int[array.Count];
        for (var i = 0; i < array.Count; i++)
            result[i] = TryInt(array[i]) is { } v && v >= min && v <= max
                ? v
                : throw new LogicInstanceException($"{field}[{i}]", $"an integer in [{min}, {max}]");
        return result;
    }

    public static int[][] IntRows(JsonObject instance, string field, int min = int.MinValue, int max = int.MaxValue)
    {
        if (instance[field] is not JsonArray array)
            throw new LogicInstanceException(field, "an array of integer arrays");
        var result = new int[array.Count][];
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonArray row)
                throw new LogicInstanceException($"{field}[{i}]", "an array of integers");
            result[i] = new int[row.Count];
            for (var j = 0; j < row.Count; j++)
                result[i][j] = TryInt(row[j]) is { } v && v >= min && v <= max
                    ? v
                    : throw new LogicInstanceException($"{field}[{i}][{j}]", $"an integer in [{min}, {max}]");
        }
        return result;
    }

    public static string[] Strings(JsonObject instance, string field)
    {
        if (instance[field] is not JsonArray array)
            throw new LogicInstanceException(field, "an array of strings");
        return array.Select((n, i) => n is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new LogicInstanceException($"{field}[{i}]", "a non-empty string")).ToArray();
    }

    public static JsonArray Array<T>(IEnumerable<T> items) => new(items.Select(i => JsonValue.Create(i)).ToArray<JsonNode?>());

    public static JsonArray Rows(IEnumerable<IEnumerable<int>> rows) => new(rows.Select(r => (JsonNode?)Array(r)).ToArray());

    private static int? TryInt(JsonNode? node)
    {
        if (node is not JsonValue value)
            return null;
        if (value.TryGetValue<int>(out var i))
            return i;
        if (value.TryGetValue<long>(out var l))
            return l is >= int.MinValue and <= int.MaxValue ? (int)l : null;
        if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue)
            return (int)d;
        return null;
    }
}
