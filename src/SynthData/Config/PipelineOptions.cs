using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

/// <summary>The whole of <c>pipeline.yaml</c>. Keys are the snake_case forms of these property names.</summary>
public sealed class PipelineOptions : IValidatableObject
{
    public RunOptions Run { get; set; } = new();
    public ModelOptions Model { get; set; } = new();
    public VerificationOptions Verification { get; set; } = new();
    public SelectionOptions Selection { get; set; } = new();
    public ExportOptions Export { get; set; } = new();
    public FilterOptions Filters { get; set; } = new();
    public DedupOptions Dedup { get; set; } = new();
    public DecontaminationOptions Decontamination { get; set; } = new();
    public RewardOptions Reward { get; set; } = new();
    public List<SourceOptions> Sources { get; set; } = [];

    /// <summary>Directory of the config file: relative paths in it are resolved against this.</summary>
    [ConfigIgnore]
    public string BaseDirectory { get; set; } = Directory.GetCurrentDirectory();

    [ConfigIgnore]
    public string ConfigPath { get; set; } = "pipeline.yaml";

    /// <summary>Finds the line and column of a key path (e.g. <c>model.faults</c>) in the file this was loaded from.</summary>
    [ConfigIgnore]
    internal Func<string, (int Line, int Column)> Locate { get; set; } = _ => (0, 0);

    /// <summary>An error found after loading (by a component that owns a value's grammar), located like load errors.</summary>
    public ConfigException ErrorAt(string key, string message)
    {
        var (line, column) = Locate(key);
        return new ConfigException([new ConfigError(ConfigPath, line, column, key, message)]);
    }

    public string ResolvePath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>
    /// An input file: relative to the config file, or, when only the working directory has it, relative to that
    /// (so a config copied elsewhere still finds the repository's files when run from the repository).
    /// </summary>
    /// <summary>
    /// <see cref="ResolveInputPath"/> for a file that must exist: when it does not, a located error for
    /// <paramref name="key"/> is added to <paramref name="errors"/> and null returned.
    /// </summary>
    public string? RequireInputFile(string path, string key, string what, List<ConfigError> errors, string hint = "")
    {
        var resolved = ResolveInputPath(path);
        if (File.Exists(resolved))
            return resolved;
        errors.AddRange(ErrorAt(key, $"{what} not found: {resolved}{hint}").Errors);
        return null;
    }

    public string ResolveInputPath(string path)
    {
        var resolved = ResolvePath(path);
        return !File.Exists(resolved) && !Path.IsPathRooted(path) && File.Exists(path) ? Path.GetFullPath(path) : resolved;
    }

    public string OutputDirectory => ResolvePath(Run.OutputDir);

    /// <summary>The environment variable that overrides <c>run.ledger</c> (e.g. one URI for every machine of a run).</summary>
    public const string LedgerEnvironmentVariable = "SYNTHDATA_LEDGER";

    /// <summary>Where the ledger lives: <c>SYNTHDATA_LEDGER</c> when set, else <c>run.ledger</c>.</summary>
    public string LedgerSetting =>
        Environment.GetEnvironmentVariable(LedgerEnvironmentVariable) is { Length: > 0 } env ? env : Run.Ledger;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Sources.Count == 0)
            yield return new ValidationResult("at least one source is required", [nameof(Sources)]);
        if (Environment.GetEnvironmentVariable(LedgerEnvironmentVariable) is { Length: > 0 } env && !Ledger.Store.LedgerStore.IsValidSetting(env))
            yield return new ValidationResult($"{LedgerEnvironmentVariable} must be 'sqlite' or a PostgreSQL URI (postgresql://USER@HOST:PORT/DB)", [nameof(Run)]);
    }
}

/// <summary>Marks a property that is set by the loader, not read from YAML.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigIgnoreAttribute : Attribute;
