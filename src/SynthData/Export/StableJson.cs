using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SynthData.Problems;

namespace SynthData.Export;

/// <summary>
/// One schema per export: the <c>datasets</c> library infers column types from the first chunk of a file, so every row
/// must have the same keys and every field one JSON type. Objects that vary by origin get all their keys (null where
/// absent), and fractional quantities are always written with a fraction (<c>12.0</c>, never <c>12</c>), so a column
/// never mixes integers and floats.
/// </summary>
public static class StableJson
{
    /// <summary>Sampling parameters that are real numbers, whatever value a run happened to use.</summary>
    private static readonly HashSet<string> FloatSamplingKeys = new(StringComparer.Ordinal)
    {
        "temperature", "top_p", "min_p", "presence_penalty", "frequency_penalty", "repetition_penalty",
    };

    /// <summary>The problem's origin with the same keys for every kind of source.</summary>
    public static JsonObject Source(ProblemOrigin s) => JsonSerializer.SerializeToNode(SourceRecord.From(s))!.AsObject();

    /// <summary>A real number that always serialises with a fraction (a decimal keeps its scale when written).</summary>
    public static JsonNode Float(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "exports hold finite numbers only");
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var fixedPoint = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return JsonValue.Create(fixedPoint == decimal.Truncate(fixedPoint) ? decimal.Round(fixedPoint) + 0.0m : fixedPoint);
    }

    /// <summary>The recorded sampling parameters with their real-valued ones written as floats.</summary>
    public static JsonNode? Sampling(string json)
    {
        var node = JsonNode.Parse(json);
        if (node is not JsonObject o)
            return node;
        foreach (var key in o.Select(kv => kv.Key).Where(FloatSamplingKeys.Contains).ToList())
        {
            if (o[key] is JsonValue v && v.TryGetValue<double>(out var d))
                o[key] = Float(d);
        }

        return o;
    }

    /// <summary>The same rule for typed rows (RL, GRPO): a double property always written with a fraction.</summary>
    public sealed class FloatConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
            Float(value).WriteTo(writer, options);
    }
}
