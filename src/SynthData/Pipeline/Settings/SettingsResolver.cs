using Microsoft.Extensions.Logging;
using SynthData.Config;
using SynthData.Ledger;

namespace SynthData.Pipeline.Settings;

/// <summary>
/// Decides under which recorded settings a run draws its samples, or stops it: the ledger's samples are never mixed
/// silently with samples drawn under other settings.
/// </summary>
public static class SettingsResolver
{
    /// <summary>
    /// The fingerprint this run records its attempts under. Recorded settings equal to the config's (key by key) are
    /// reused; legacy attempts whose provenance agrees with the config are adopted; otherwise the run stops (exit 2,
    /// naming the changed keys) unless <c>run.on_settings_change: resample</c> says to draw samples afresh under the
    /// new settings, kept apart in the ledger.
    /// </summary>
    public static string ForRun(RunLedger ledger, PipelineOptions options, long runId, ILogger logger)
    {
        var current = SamplingSettings.Of(options);
        var recorded = ledger.ReadSettings();
        if (Matching(recorded, current) is { } same)
            return same;
        var legacy = ledger.ReadLegacyAttempts(64);
        var legacyChanges = legacy.Count == 0 ? null : LegacySettings.Differences(legacy, options);
        if (legacyChanges is { Count: 0 })
        {
            ledger.RegisterSettings(current.Fingerprint, current.CanonicalJson, runId);
            ledger.AdoptLegacyAttempts(current.Fingerprint);
            logger.LogInformation("attempts recorded before settings fingerprints agree with this config; recorded as settings {Fingerprint}", current.Fingerprint);
            return current.Fingerprint;
        }

        var changes = legacyChanges ?? (recorded.FirstOrDefault(r => r.HasAttempts) is { } latest
            ? current.ChangesFrom(SamplingSettings.Parse(latest.Json))
            : []);
        if (changes.Count > 0 && options.Run.OnSettingsChange == SettingsChangePolicy.Stop)
            throw Changed(options, ledger, changes);
        if (changes.Count > 0)
        {
            logger.LogWarning("settings changed since the ledger's samples ({Changes}); drawing samples afresh under settings {Fingerprint}, kept apart from the others",
                string.Join(", ", changes), current.Fingerprint);
        }

        ledger.RegisterSettings(current.Fingerprint, current.CanonicalJson, runId);
        return current.Fingerprint;
    }

    /// <summary>
    /// The fingerprints an export or report reads: <c>current</c>, <c>all</c> (null), or one recorded fingerprint.
    /// <c>current</c> is the settings equal to the config's; a ledger whose samples were all drawn under one settings
    /// has nothing to mix and exports those; with several and none equal to the config's, it is an error naming them.
    /// </summary>
    public static IReadOnlyCollection<string>? ForReading(RunLedger ledger, PipelineOptions options, string choice)
    {
        if (choice == "all")
            return null;
        var used = ledger.SampledFingerprints();
        if (choice != "current")
        {
            return used.Contains(choice) || ledger.ReadSettings().Any(r => r.Fingerprint == choice)
                ? [choice]
                : throw options.ErrorAt("export.settings", $"no samples under settings '{choice}' in the ledger (recorded: {string.Join(", ", used.DefaultIfEmpty("none"))}; or 'current', 'all')");
        }

        if (used.Count <= 1)
            return used;
        var current = SamplingSettings.Of(options);
        if (Matching(ledger.ReadSettings().Where(r => used.Contains(r.Fingerprint)).ToList(), current) is { } same)
            return [same];
        var legacy = ledger.ReadLegacyAttempts(64);
        if (legacy.Count > 0 && LegacySettings.Differences(legacy, options).Count == 0)
            return [RunLedger.LegacyFingerprint];
        throw options.ErrorAt("export.settings",
            $"the ledger holds samples drawn under several settings ({string.Join(", ", used)}) and none equals the config's; choose with --settings FINGERPRINT|all (synthdata stats lists them)");
    }

    private static string? Matching(List<RecordedSettings> recorded, SamplingSettings current) =>
        recorded.FirstOrDefault(r => r.Fingerprint == current.Fingerprint || current.ChangesFrom(SamplingSettings.Parse(r.Json)).Count == 0)?.Fingerprint;

    private static ConfigException Changed(PipelineOptions options, RunLedger ledger, IReadOnlyList<SettingChange> changes)
    {
        const string what = "set run.on_settings_change: resample to draw samples afresh under the new settings (kept apart), or use another run.output_dir";
        var errors = changes.Select(c => options.ErrorAt(c.Key,
            $"differs from the settings the samples in {ledger.Path} were drawn under (was {c.Before ?? "unset"}, now {c.After ?? "unset"})").Errors[0]).ToList();
        errors.Add(new ConfigError(options.ConfigPath, 0, 0, "", $"settings changed: {string.Join(", ", changes.Select(c => c.Key))}; {what}"));
        return new ConfigException(errors);
    }
}
