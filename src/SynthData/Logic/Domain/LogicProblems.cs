using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Problems;

namespace SynthData.Logic.Domain;

/// <summary>
/// Where a logic problem keeps its puzzle instance (<c>metadata.puzzle</c>, with its <c>family</c>) and how an
/// instance is read back from a problem, an <c>rl</c> row's ground truth or a reward request.
/// </summary>
public static class LogicProblems
{
    public const string MetadataKey = "puzzle";

    /// <summary>The family and instance of <paramref name="problem"/>; throws <see cref="ProblemFormatException"/> naming the field.</summary>
    public static (ILogicFamily Family, JsonObject Instance) Resolve(Problem problem) =>
        Resolve(problem.Metadata?[MetadataKey], "metadata." + MetadataKey);

    /// <summary>An instance given as a JSON object or as JSON text (an <c>rl</c> row's ground truth is text).</summary>
    public static (ILogicFamily Family, JsonObject Instance) Resolve(JsonNode? node, string field)
    {
        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                node = JsonNode.Parse(text.GetValue<string>());
            }
            catch (JsonException e)
            {
                throw new ProblemFormatException(field, $"expected a puzzle instance as JSON text, got text that is not JSON ({e.Message})");
            }
        }
        if (node is not JsonObject instance)
            throw new ProblemFormatException(field, "expected a puzzle instance: a JSON object with \"family\"");
        var name = instance["family"] is JsonValue f && f.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : null;
        if (name is null)
            throw new ProblemFormatException(field + ".family", "expected the puzzle family's name as a string");
        var family = LogicFamilies.Find(name) ?? throw new ProblemFormatException(field + ".family",
            $"unknown puzzle family \"{name}\"; known: {string.Join(", ", LogicFamilies.All.Select(x => x.Name))}");
        return (family, instance);
    }

    /// <summary>The instance as one JSON string: the <c>rl</c>/<c>grpo</c> ground truth (a Parquet column has one type).</summary>
    public static string GroundTruth(Problem problem) => Resolve(problem).Instance.ToJsonString(ProblemJson.Compact);

    /// <summary>A problem around a bare instance, for callers that have only the instance (reward items, verify logic).</summary>
    public static Problem FromInstance(JsonNode? instance, string field, string id, ProblemOrigin source)
    {
        var (_, resolved) = Resolve(instance, field);
        return new Problem
        {
            Id = id, Domain = ProblemDomain.Logic, Prompt = string.Empty, Source = source,
            Metadata = new JsonObject { [MetadataKey] = resolved.DeepClone() },
        };
    }
}
