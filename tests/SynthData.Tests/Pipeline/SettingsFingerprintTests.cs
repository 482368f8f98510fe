using Microsoft.Data.Sqlite;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Pipeline.Settings;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Pipeline;

/// <summary>Samples drawn under other settings are never mixed silently with the ledger's.</summary>
public sealed class SettingsFingerprintTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Config(string model = "", string run = "") => _dir.Write("p.yaml", $"""
        run:
          output_dir: out
        {run}
        model:
          samples_per_problem: 2
        {model}
        sources:
          - generator: arithmetic
            count: 3
        """);

    [Fact]
    public async Task Changing_temperature_stops_with_exit_2_naming_it_and_nothing_is_requested()
    {
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", Config())).ExitCode);
        var changed = await TestSupport.Cli.RunAsync("run", "--config", Config(model: "  temperature: 0.2\n  system_prompt: Be brief."));
        Assert.Equal(2, changed.ExitCode);
        var all = changed.Out + changed.Error;
        Assert.Contains("model.temperature", all, StringComparison.Ordinal);
        Assert.Contains("model.system_prompt", all, StringComparison.Ordinal);
        Assert.Contains("was 0.7, now 0.2", all, StringComparison.Ordinal);
        Assert.DoesNotContain("model.concurrency", all, StringComparison.Ordinal);
        using var ledger = RunLedger.Open(_dir.File("out"));
        Assert.Equal(6, LedgerStatistics.Read(ledger).Attempts);

        // Settings that do not shape responses may change freely.
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", Config(model: "  concurrency: 3\n  max_retries: 1"))).ExitCode);
    }

    [Fact]
    public async Task Resample_draws_afresh_under_new_settings_kept_apart_and_exports_choose()
    {
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", Config())).ExitCode);
        var resample = Config(model: "  temperature: 0.3", run: "  on_settings_change: resample");
        var r = await TestSupport.Cli.RunAsync("run", "--config", resample);
        Assert.True(r.ExitCode == 0, r.Out + r.Error);
        Assert.Contains("samples       6 new", r.Out, StringComparison.Ordinal);
        using (var ledger = RunLedger.Open(_dir.File("out")))
        {
            Assert.Equal(12, LedgerStatistics.Read(ledger).Attempts);
            Assert.Equal(2, ledger.SampledFingerprints().Count);
        }

        // A rerun of either settings finds its samples done.
        var again = await TestSupport.Cli.RunAsync("run", "--config", resample);
        Assert.Contains("samples       0 new, 6 already", again.Out, StringComparison.Ordinal);

        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "raw", "--config", resample, "--out", _dir.File("new.jsonl"))).ExitCode);
        var rows = File.ReadAllLines(_dir.File("new.jsonl"));
        Assert.Equal(6, rows.Length);
        Assert.All(rows, l => Assert.Contains("\"temperature\":0.3", l, StringComparison.Ordinal));
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "raw", "--config", resample, "--settings", "all", "--out", _dir.File("all.jsonl"))).ExitCode);
        Assert.Equal(12, File.ReadAllLines(_dir.File("all.jsonl")).Length);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("export", "--format", "raw", "--config", Config(), "--out", _dir.File("old.jsonl"))).ExitCode);
        Assert.All(File.ReadAllLines(_dir.File("old.jsonl")), l => Assert.Contains("\"temperature\":0.7", l, StringComparison.Ordinal));

        var bad = await TestSupport.Cli.RunAsync("export", "--format", "raw", "--config", Config(model: "  temperature: 0.9"), "--out", _dir.File("x.jsonl"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("several settings", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_covers_every_model_option_but_the_listed_delivery_ones()
    {
        var baseline = SamplingSettings.Of(new ModelOptions(), 42);
        foreach (var property in typeof(ModelOptions).GetProperties().Where(p => p.CanWrite))
        {
            var key = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            var changed = new ModelOptions();
            if (!TryChange(property, changed))
                continue;
            var diff = SamplingSettings.Of(changed, 42).ChangesFrom(baseline).Select(c => c.Key).ToList();
            if (SamplingSettings.NotShaping.Contains(key))
                Assert.Empty(diff);
            else
                Assert.Contains(diff, k => k == "model." + key || k.StartsWith("model." + key + ".", StringComparison.Ordinal));
        }

        Assert.Equal(["run.seed"], SamplingSettings.Of(new ModelOptions(), 7).ChangesFrom(baseline).Select(c => c.Key));
    }

    [Fact]
    public void An_option_missing_from_recorded_settings_counts_only_when_it_is_not_at_its_default()
    {
        var recorded = SamplingSettings.Of(new ModelOptions(), 42).Values.DeepClone().AsObject();
        recorded["model"]!.AsObject().Remove("top_p"); // written before top_p existed
        var old = SamplingSettings.Parse(recorded.ToJsonString());
        Assert.Empty(SamplingSettings.Of(new ModelOptions(), 42).ChangesFrom(old));
        Assert.Equal(["model.top_p"], SamplingSettings.Of(new ModelOptions { TopP = 0.5 }, 42).ChangesFrom(old).Select(c => c.Key));
    }

    private static bool TryChange(System.Reflection.PropertyInfo p, ModelOptions o)
    {
        var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        object? value = t == typeof(double) ? 0.123 : t == typeof(int) ? 7 : t == typeof(long) ? 7L : t == typeof(bool) ? !(bool)(p.GetValue(o) ?? false)
            : t == typeof(string) ? "x" : t.IsEnum ? Enum.GetValues(t).Cast<object>().First(v => !v.Equals(p.GetValue(o))) : null;
        if (value is null)
            return false;
        p.SetValue(o, value);
        return true;
    }

    [Fact]
    public async Task A_ledger_from_before_fingerprints_opens_and_its_samples_are_adopted_when_their_provenance_agrees()
    {
        var config = Config();
        var reference = _dir.Write("ref.yaml", File.ReadAllText(config).Replace("output_dir: out", "output_dir: ref", StringComparison.Ordinal));
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", reference)).ExitCode);
        Directory.CreateDirectory(_dir.File("out"));
        LegacyLedger.Downgrade(_dir.File("ref/ledger.db"), _dir.File("out/ledger.db"));

        var stats = await TestSupport.Cli.RunAsync("stats", "--config", config, "--json");
        Assert.True(stats.ExitCode == 0, stats.Error);
        Assert.Contains("\"attempts\":6", stats.Out, StringComparison.Ordinal);

        var changed = await TestSupport.Cli.RunAsync("run", "--config", Config(model: "  max_tokens: 999"));
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("model.max_tokens", changed.Out + changed.Error, StringComparison.Ordinal);

        var rerun = await TestSupport.Cli.RunAsync("run", "--config", Config());
        Assert.True(rerun.ExitCode == 0, rerun.Out + rerun.Error);
        Assert.Contains("samples       0 new, 6 already in the ledger", rerun.Out, StringComparison.Ordinal);
        using var ledger = RunLedger.Open(_dir.File("out"));
        Assert.DoesNotContain(RunLedger.LegacyFingerprint, ledger.SampledFingerprints());
        Assert.All(ledger.ReadAttempts(), a => Assert.NotNull(a.Verdict)); // verdicts followed their attempts
    }
}

/// <summary>Turns a current ledger into the version-1 layout (no fingerprints, no source keys), as older builds wrote it.</summary>
internal static class LegacyLedger
{
    public static void Downgrade(string from, string to)
    {
        using (var src = new SqliteConnection($"Data Source={from};Pooling=False"))
        {
            src.Open();
            using var vacuum = src.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{to.Replace("'", "''", StringComparison.Ordinal)}'";
            vacuum.ExecuteNonQuery();
        }

        using var c = new SqliteConnection($"Data Source={to};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            PRAGMA foreign_keys=OFF;
            CREATE TABLE a1 AS SELECT problem_id, sample_index, model, sampling_json, messages_json, content, reasoning_content,
                finish_reason, prompt_tokens, completion_tokens, latency_ms, response_id, tries, run_id, created_at FROM attempts;
            CREATE TABLE v1 AS SELECT problem_id, sample_index, verifier, verifier_version, accepted, kind, reason, extracted,
                details_json, duration_ms, run_id FROM verdicts;
            DROP TABLE verdicts; DROP TABLE attempts; DROP TABLE source_positions; DROP TABLE settings;
            ALTER TABLE problems DROP COLUMN source_key;
            CREATE TABLE attempts(problem_id TEXT NOT NULL REFERENCES problems(id), sample_index INTEGER NOT NULL, model TEXT NOT NULL,
                sampling_json TEXT NOT NULL, messages_json TEXT NOT NULL, content TEXT NOT NULL, reasoning_content TEXT,
                finish_reason TEXT NOT NULL, prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, latency_ms REAL NOT NULL,
                response_id TEXT, tries INTEGER NOT NULL, run_id INTEGER NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY(problem_id, sample_index));
            CREATE TABLE verdicts(problem_id TEXT NOT NULL, sample_index INTEGER NOT NULL, verifier TEXT NOT NULL, verifier_version TEXT NOT NULL,
                accepted INTEGER NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL, extracted TEXT, details_json TEXT, duration_ms REAL NOT NULL,
                run_id INTEGER NOT NULL, PRIMARY KEY(problem_id, sample_index),
                FOREIGN KEY(problem_id, sample_index) REFERENCES attempts(problem_id, sample_index));
            INSERT INTO attempts SELECT * FROM a1; INSERT INTO verdicts SELECT * FROM v1; DROP TABLE a1; DROP TABLE v1;
            UPDATE meta SET value = '1' WHERE key = 'schema_version';
            """;
        cmd.ExecuteNonQuery();
    }
}
