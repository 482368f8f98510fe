using SynthData.Config;
using SynthData.Problems.Datasets;

namespace SynthData.Problems;

/// <summary>Builds the configured sources, in config order.</summary>
public static class ProblemSourceFactory
{
    /// <summary>
    /// Every configured dataset file must exist: a missing one is a config error (exit 2) before anything starts, not
    /// a source that silently yields nothing.
    /// </summary>
    public static void CheckFilesExist(PipelineOptions options)
    {
        var errors = new List<ConfigError>();
        for (var i = 0; i < options.Sources.Count; i++)
        {
            if (options.Sources[i].Dataset is { } dataset)
                options.RequireInputFile(dataset, $"sources[{i}].dataset", "dataset file", errors);
        }

        if (errors.Count > 0)
            throw new ConfigException(errors);
    }

    /// <summary>The sources as fixed sets (a <c>per_batch</c> generator yields its first <c>count</c> problems).</summary>
    public static IReadOnlyList<IProblemSource> Create(PipelineOptions options) =>
        [.. options.Sources.Select(s => Configure(options, s, streams: false).Source)];

    /// <summary>The sources as a batch reads them: with the keys their positions are kept under in the ledger.</summary>
    public static IReadOnlyList<ConfiguredSource> CreateConfigured(PipelineOptions options) =>
        [.. options.Sources.Select(s => Configure(options, s, streams: true))];

    private static ConfiguredSource Configure(PipelineOptions options, SourceOptions s, bool streams)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (s.Generator is { } name)
        {
            if (!GeneratorCatalog.TryGet(name, out var generator))
                throw new InvalidOperationException($"unknown generator '{name}'");
            var endless = streams && s.PerBatch is not null;
            return new ConfiguredSource(new GeneratorSource(generator, s.Seed, s.Difficulty, endless ? long.MaxValue : s.Count),
                string.Create(inv, $"generator:{name}:difficulty={s.Difficulty}:seed={s.Seed}"), s.PerBatch, endless ? null : s.Count, null);
        }

        var path = options.ResolveInputPath(s.Dataset!);
        var format = (s.Format ?? DatasetFormats.Infer(path)).Trim().ToLowerInvariant();
        var file = ForFile(path, s.Dataset!, s.Format, s.Limit, s.Fields);
        var license = s.License ?? DatasetLicenses.ForFormat(s.Format ?? DatasetFormats.Infer(s.Dataset!));
        return new ConfiguredSource(license is null ? file : new LicensedSource(file, license),
            $"dataset:{s.Dataset}:format={format}", s.PerBatch, null, path);
    }

    /// <summary>A dataset file as a source: CSV or JSONL by the given format, else by the file's extension.</summary>
    public static IProblemSource ForFile(string path, string displayName, string? format, int? limit, FieldMapOptions fields)
    {
        var resolved = (format ?? DatasetFormats.Infer(path)).Trim().ToLowerInvariant();
        return resolved == "csv"
            ? new CsvDatasetSource(path, displayName, limit, fields)
            : new JsonlDatasetSource(path, displayName, resolved, limit, fields);
    }
}
