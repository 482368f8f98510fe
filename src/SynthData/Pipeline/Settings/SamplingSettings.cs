using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SynthData.Config;

namespace SynthData.Pipeline.Settings;

/// <summary>
/// Everything in the config that shapes a response, as canonical JSON (keys sorted) and its
/// fingerprint. Built by serialising <see cref="ModelOptions"/> whole and removing an explicit list of keys that only
/// say how requests are made (where, how fast, how often retried, what they cost): an option added later is part of
/// the fingerprint unless someone decides it does not shape responses. The run seed is included because request
/// seeds derive from it. Unset options are kept as JSON null: an unset sampling parameter is not sent, so
/// unsetting one (e.g. <c>temperature: null</c>) is a change, while a key the recorded settings lack altogether was
/// written before the option existed.
/// </summary>
public sealed class SamplingSettings
{
    /// <summary>
    /// <c>model.*</c> keys that do not change what the model answers. <c>samples_per_problem</c> is how many are drawn,
    /// not how each one is drawn; the simulator's <c>faults</c> and <c>latency_ms</c> change delivery, not content.
    /// </summary>
    public static readonly IReadOnlySet<string> NotShaping = new HashSet<string>(StringComparer.Ordinal)
    {
        "provider", "endpoint", "api_key_env", "samples_per_problem", "concurrency", "stream",
        "request_timeout_seconds", "max_retries", "retry_base_delay_seconds", "retry_max_delay_seconds",
        "adaptive_concurrency", "requests_per_minute", "tokens_per_minute", "circuit_break_seconds", "max_outage_seconds",
        "price_per_million_prompt_tokens", "price_per_million_completion_tokens", "faults", "latency_ms",
        "connect_timeout_seconds", "preflight", "budget", "adaptive",
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private SamplingSettings(JsonObject values)
    {
        Values = values;
        CanonicalJson = values.ToJsonString();
        Fingerprint = Common.StableHash.Hex(CanonicalJson, 8);
    }

    /// <summary>Flattened view is computed from this: <c>{"model": {...}, "run": {"seed": ...}}</c>, keys sorted.</summary>
    public JsonObject Values { get; }

    public string CanonicalJson { get; }

    public string Fingerprint { get; }

    public static SamplingSettings Of(PipelineOptions options) => Of(options.Model, options.Run.Seed);

    public static SamplingSettings Of(ModelOptions model, long seed)
    {
        var m = (JsonObject)JsonSerializer.SerializeToNode(model, Json)!;
        foreach (var key in NotShaping)
            m.Remove(key);
        return new SamplingSettings((JsonObject)Canonical(new JsonObject { ["model"] = m, ["run"] = new JsonObject { ["seed"] = seed } })!);
    }

    public static SamplingSettings Parse(string canonicalJson) => new((JsonObject)Canonical(JsonNode.Parse(canonicalJson))!);

    /// <summary>What the defaults would record: keys a ledger's settings lack are compared with these.</summary>
    public static SamplingSettings Defaults { get; } = Of(new ModelOptions(), new RunOptions().Seed);

    /// <summary>
    /// Dotted keys whose values differ between <paramref name="recorded"/> and this, with both values. A key the recorded
    /// settings lack (written before the option existed) counts only when the current value is not its default, so
    /// upgrading SynthData does not turn every ledger into "other settings".
    /// </summary>
    public IReadOnlyList<SettingChange> ChangesFrom(SamplingSettings recorded)
    {
        var before = Flatten(recorded.Values);
        var after = Flatten(Values);
        var defaults = Flatten(Defaults.Values);
        var changes = new List<SettingChange>();
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(key, out var old);
            var has = after.TryGetValue(key, out var now);
            if (had && has && old == now)
                continue;
            var fallback = defaults.GetValueOrDefault(key);
            if ((!had && now == fallback) || (!has && old == fallback))
                continue;
            changes.Add(new SettingChange(key, Unset(old ?? fallback), Unset(now ?? fallback)));
        }

        return changes;
    }

    /// <summary>An unset option reads as unset in messages, not as the JSON word.</summary>
    private static string? Unset(string? value) => value == "null" ? null : value;

    private static Dictionary<string, string> Flatten(JsonObject o)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string path)
        {
            if (node is JsonObject obj && obj.Count > 0)
            {
                foreach (var (k, v) in obj)
                    Walk(v, path.Length == 0 ? k : $"{path}.{k}");
            }
            else
            {
                flat[path] = node?.ToJsonString() ?? "null";
            }
        }

        Walk(o, "");
        return flat;
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, Canonical(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}

/// <summary>One setting that differs from the ledger's; values as JSON (null when absent).</summary>
public sealed record SettingChange(string Key, string? Before, string? After)
{
    public override string ToString() => $"{Key} {Before ?? "(unset)"} → {After ?? "(unset)"}";
}
