using System.Text.Json.Serialization;
using SynthData.Problems;

namespace SynthData.Export;

/// <summary>
/// One TRL GRPOTrainer prompt (DESIGN.md §2): a prompt-only conversational <c>prompt</c> and, as top-level columns,
/// everything a reward function needs. TRL passes every column other than <c>prompt</c> to the reward functions as
/// keyword arguments, so <c>solution</c> (the reference answer, or the tests as a JSON string) and <c>ability</c>
/// reach them as lists, one item per completion.
/// </summary>
public sealed class GrpoRow
{
    [JsonPropertyName("prompt")] public List<RlMessage> Prompt { get; set; } = [];

    /// <summary>The same self-contained ground truth as an rl row's <c>reward_model.ground_truth</c>.</summary>
    [JsonPropertyName("solution")] public string Solution { get; set; } = "";
    [JsonPropertyName("ability")] public string Ability { get; set; } = "";
    [JsonPropertyName("problem_id")] public string ProblemId { get; set; } = "";
    [JsonPropertyName("split")] public string Split { get; set; } = "";
    [JsonPropertyName("pass_rate"), JsonConverter(typeof(StableJson.FloatConverter))] public double PassRate { get; set; }
    [JsonPropertyName("samples")] public int Samples { get; set; }
    [JsonPropertyName("accepted")] public int Accepted { get; set; }
    [JsonPropertyName("model")] public string Model { get; set; } = "";
    [JsonPropertyName("source")] public SourceRecord Source { get; set; } = new();
}

/// <summary>A problem's origin with the same keys for every kind of source (null where absent).</summary>
public sealed class SourceRecord
{
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("seed")] public long? Seed { get; set; }
    [JsonPropertyName("difficulty")] public int? Difficulty { get; set; }
    [JsonPropertyName("row")] public long? Row { get; set; }
    [JsonPropertyName("license")] public string? License { get; set; }

    public static SourceRecord From(ProblemOrigin s) => new()
    {
        Kind = s.Kind, Name = s.Name, Seed = s.Seed, Difficulty = s.Difficulty, Row = s.Row, License = s.License,
    };
}
