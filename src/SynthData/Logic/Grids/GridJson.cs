using System.Text.Json.Nodes;

namespace SynthData.Logic.Grids;

/// <summary>Reading and writing the plain JSON shapes of grid instances; a malformed instance throws <see cref="LogicInstanceException"/>.</summary>
public static class GridJson
{
    public static JsonArray ToJson(int[][] grid) => new(grid.Select(r => (JsonNode)new JsonArray(r.Select(v => (JsonNode)v).ToArray())).ToArray());

    public static JsonArray ToJson(IEnumerable<int> values) => new(values.Select(v => (JsonNode)v).ToArray());

    public static int Int(JsonObject instance, string field, int min, int max)
    {
        try
        {
            var v = instance[field]?.GetValue<int>();
            if (v is { } x && x >= min && x <= max)
                return x;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException) { }
        throw new LogicInstanceException(field, $"an integer in [{min}, {max}]");
    }

    /// <summary>A rows x cols array of integers in [min, max].</summary>
    public static int[][] Grid(JsonObject instance, string field, int rows, int cols, int min, int max)
    {
        var grid = IntLists(instance, field, min, max);
        if (grid.Length != rows || grid.Any(r => r.Length != cols))
            throw new LogicInstanceException(field, $"{rows} rows of {cols} integers");
        return grid;
    }

    /// <summary>An array of integer arrays (any lengths) with values in [min, max].</summary>
    public static int[][] IntLists(JsonObject instance, string field, int min, int max)
    {
        try
        {
            if (instance[field] is JsonArray outer)
            {
                var lists = outer.Select(row => row is JsonArray inner
                    ? inner.Select(c => c?.GetValue<int>() ?? throw new FormatException()).ToArray()
                    : throw new FormatException()).ToArray();
                if (lists.All(r => r.All(v => v >= min && v <= max)))
                    return lists;
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException) { }
        throw new LogicInstanceException(field, $"an array of integer arrays with values in [{min}, {max}]");
    }
}
