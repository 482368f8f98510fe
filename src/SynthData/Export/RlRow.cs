using System.Text.Json.Serialization;

namespace SynthData.Export;

/// <summary>
/// One verl-style RL prompt. The same typed row is written as JSONL and as Parquet (column names from
/// <see cref="JsonPropertyNameAttribute"/>, which Parquet.Net also honours), so the two files cannot drift apart.
/// </summary>
public sealed class RlRow
{
    [JsonPropertyName("data_source")] public string DataSource { get; set; } = "";
    [JsonPropertyName("prompt")] public List<RlMessage> Prompt { get; set; } = [];
    [JsonPropertyName("ability")] public string Ability { get; set; } = "";
    [JsonPropertyName("reward_model")] public RlReward RewardModel { get; set; } = new();
    [JsonPropertyName("extra_info")] public RlExtraInfo ExtraInfo { get; set; } = new();
}

public sealed class RlMessage
{
    [JsonPropertyName("role")] public string Role { get; set; } = "";
    [JsonPropertyName("content")] public string Content { get; set; } = "";

    /// <summary>The prompt as it was sent (system when configured, then user), as typed messages.</summary>
    public static List<RlMessage> Prompt(Ledger.LedgerAttempt a, Config.ExportOptions options) =>
        [.. Conversation.Prompt(a, options).Select(m => new RlMessage { Role = (string)m!["role"]!, Content = (string)m["content"]! })];
}

public sealed class RlReward
{
    [JsonPropertyName("style")] public string Style { get; set; } = "rule";

    /// <summary>Math: the reference answer. Code: a JSON string of the tests (see <see cref="GroundTruth"/>).</summary>
    [JsonPropertyName("ground_truth")] public string GroundTruth { get; set; } = "";
}

public sealed class RlExtraInfo
{
    [JsonPropertyName("split")] public string Split { get; set; } = "";
    [JsonPropertyName("index")] public int Index { get; set; }
    [JsonPropertyName("problem_id")] public string ProblemId { get; set; } = "";
    [JsonPropertyName("pass_rate"), JsonConverter(typeof(StableJson.FloatConverter))] public double PassRate { get; set; }

    /// <summary>Mean partial credit of the verified samples (code: fraction of tests passed); equals pass_rate where there is none.</summary>
    [JsonPropertyName("mean_score"), JsonConverter(typeof(StableJson.FloatConverter))] public double MeanScore { get; set; }
    [JsonPropertyName("samples")] public int Samples { get; set; }
    [JsonPropertyName("accepted")] public int Accepted { get; set; }
    [JsonPropertyName("source")] public string Source { get; set; } = "";
    [JsonPropertyName("difficulty")] public int? Difficulty { get; set; }
    [JsonPropertyName("model")] public string Model { get; set; } = "";
}
