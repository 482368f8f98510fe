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

    public static IReadOnlyList<IProblemSource> Create(PipelineOptions options)
    {
        var sources = new List<IProblemSource>(options.Sources.Count);
        foreach (var s in options.Sources)
        {
            if (s.Generator is { } name)
            {
                if (!GeneratorCatalog.TryGet(name, out var generator))
                    throw new InvalidOperationException($"unknown generator '{name}'");
                sources.Add(new GeneratorSource(generator, s.Seed, s.Difficulty, s.Count));
                continue;
            }

            var file = ForFile(options.ResolveInputPath(s.Dataset!), s.Dataset!, s.Format, s.Limit, s.Fields);
            var license = s.License ?? DatasetLicenses.ForFormat(s.Format ?? DatasetFormats.Infer(s.Dataset!));
            sources.Add(license is null ? file : new LicensedSource(file, license));
        }

        return sources;
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
