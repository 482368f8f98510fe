using System.ComponentModel.DataAnnotations;
using Cronos;

namespace SynthData.Config;

public enum SettingsChangePolicy
{
    Stop,
    Resample,
}

public sealed class RunOptions : IValidatableObject
{
    /// <summary>Ledger and exports live here (relative to the config file).</summary>
    [Required, MinLength(1)]
    public string OutputDir { get; set; } = "output";

    /// <summary>
    /// Where the ledger lives: <c>sqlite</c> (<c>OUTPUT_DIR/ledger.db</c>) or a PostgreSQL URI
    /// (<c>postgresql://USER@HOST:PORT/DB</c>) that several machines share; <c>SYNTHDATA_LEDGER</c> overrides it.
    /// </summary>
    public string Ledger { get; set; } = "sqlite";

    /// <summary>
    /// On a shared (PostgreSQL) ledger, how long a claimed sample stays a worker's without a heartbeat before another
    /// worker may take it over (a crashed worker's work is redone after at most this long).
    /// </summary>
    [Range(2, 3600)]
    public double LeaseSeconds { get; set; } = 60;

    /// <summary>Master seed: request seeds are derived from (seed, problem id, sample index).</summary>
    public long Seed { get; set; } = 42;

    /// <summary>Cap on problems taken from the sources in one run (null: all).</summary>
    [Range(1, int.MaxValue)]
    public int? MaxProblems { get; set; }

    /// <summary>Cron expression (5 fields, UTC) for <c>synthdata worker</c>.</summary>
    public string Schedule { get; set; } = "0 * * * *";

    /// <summary>How long SIGTERM/Ctrl-C waits for in-flight requests before giving up on them.</summary>
    [Range(0, 3600)]
    public double ShutdownGraceSeconds { get; set; } = 30;

    /// <summary>Responses verified in parallel (0: one per core).</summary>
    [Range(0, 1024)]
    public int VerifyConcurrency { get; set; }

    /// <summary>
    /// What a run does when the settings that shape responses (model, sampling parameters, prompts, seed) differ from
    /// those the ledger's samples were drawn under: <c>stop</c> (exit 2 naming the changed keys) or <c>resample</c>
    /// (draw every sample afresh under the new settings, kept apart; exports pick settings with <c>export.settings</c>).
    /// </summary>
    public SettingsChangePolicy OnSettingsChange { get; set; } = SettingsChangePolicy.Stop;

    /// <summary>Optional caps for one run; when one is reached the run stops cleanly and a later run continues.</summary>
    public BudgetOptions Budget { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? error = null;
        try
        {
            CronExpression.Parse(Schedule);
        }
        catch (CronFormatException e)
        {
            error = $"not a valid cron expression: {e.Message}";
        }

        if (error is not null)
            yield return new ValidationResult(error, [nameof(Schedule)]);
        if (!SynthData.Ledger.Store.LedgerStore.IsValidSetting(Ledger))
            yield return new ValidationResult("expected 'sqlite' or a PostgreSQL URI (postgresql://USER@HOST:PORT/DB)", [nameof(Ledger)]);
    }
}
