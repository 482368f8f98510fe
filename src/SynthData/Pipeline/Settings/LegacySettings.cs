using System.Globalization;
using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Problems;

namespace SynthData.Pipeline.Settings;

/// <summary>
/// What the provenance of attempts made before fingerprints existed says about their settings: each attempt records
/// its sampling parameters (temperature, top_p, max_tokens, the request seed derived from <c>run.seed</c>) and the
/// messages sent (system prompt, prompt template around the problem). Settings that left no trace (the model name
/// as the server reported it may differ from the configured one; other fields) are taken to be the current ones.
/// </summary>
public static class LegacySettings
{
    /// <summary>The settings keys on which <paramref name="attempts"/> disagree with <paramref name="options"/> (empty: they agree).</summary>
    public static IReadOnlyList<SettingChange> Differences(IEnumerable<LegacyAttempt> attempts, PipelineOptions options)
    {
        var changes = new SortedDictionary<string, SettingChange>(StringComparer.Ordinal);
        void Differ(string key, string? before, string? after) => changes.TryAdd(key, new SettingChange(key, before, after));
        var inv = CultureInfo.InvariantCulture;
        var m = options.Model;
        foreach (var a in attempts)
        {
            if (JsonNode.Parse(a.SamplingJson) is JsonObject s)
            {
                Compare(s["temperature"], m.Temperature, "model.temperature");
                Compare(s["top_p"], m.TopP, "model.top_p");
                Compare(s["max_tokens"], m.MaxTokens, "model.max_tokens");
                if (s["seed"] is { } seed && seed.GetValue<long>() != SamplingPlan.RequestSeed(options.Run.Seed, a.ProblemId, a.SampleIndex))
                    Differ("run.seed", "(another seed)", options.Run.Seed.ToString(inv));
            }

            if (JsonNode.Parse(a.MessagesJson) is not JsonArray messages)
                continue;
            var system = messages.FirstOrDefault(x => x?["role"]?.GetValue<string>() == "system")?["content"]?.GetValue<string>();
            var wanted = string.IsNullOrWhiteSpace(m.SystemPrompt) ? null : m.SystemPrompt;
            if (system != wanted)
                Differ("model.system_prompt", Quote(system), Quote(wanted));
            var user = messages.LastOrDefault(x => x?["role"]?.GetValue<string>() == "user")?["content"]?.GetValue<string>() ?? "";
            var (template, key) = m.PromptTemplate.For(ProblemDomainNames.TryParse(a.Domain, out var domain) ? domain : ProblemDomain.Math);
            var at = template.IndexOf(PromptTemplateOptions.Placeholder, StringComparison.Ordinal);
            var (prefix, suffix) = (template[..at], template[(at + PromptTemplateOptions.Placeholder.Length)..]);
            if (!user.StartsWith(prefix, StringComparison.Ordinal) || !user.EndsWith(suffix, StringComparison.Ordinal))
                Differ(key, "(another template)", Quote(template));
        }

        return [.. changes.Values];

        void Compare(JsonNode? recorded, double current, string key)
        {
            if (recorded is not null && Math.Abs(recorded.GetValue<double>() - current) > 1e-12)
                Differ(key, recorded.ToJsonString(), current.ToString(inv));
        }
    }

    private static string? Quote(string? s) => s is null ? null : System.Text.Json.JsonSerializer.Serialize(s);
}
