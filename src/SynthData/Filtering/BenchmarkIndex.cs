using SynthData.Config;
using SynthData.Problems.Datasets;

namespace SynthData.Filtering;

/// <summary>
/// Word n-grams of benchmark items (GSM8K test, MATH test, HumanEval, MBPP, ...), to find training problems that
/// overlap them. Built from the configured files; a missing file is a config error, never a silently skipped check.
/// </summary>
public sealed class BenchmarkIndex
{
    private readonly int _n;
    private readonly double _threshold;
    private readonly List<Item> _items = [];
    // Most n-grams occur in one item: the first owner is stored inline, further owners aside.
    private readonly Dictionary<ulong, int> _owner = [];
    private readonly Dictionary<ulong, List<int>> _moreOwners = [];

    private sealed record Item(string Benchmark, long Row, string Text);

    public BenchmarkIndex(int n, double threshold)
    {
        _n = n;
        _threshold = threshold;
    }

    public int Items => _items.Count;

    public IReadOnlyList<string> Benchmarks => _items.Select(i => i.Benchmark).Distinct().ToList();

    /// <summary>Reads every configured benchmark file. Throws a located <see cref="ConfigException"/> for a missing file.</summary>
    public static BenchmarkIndex Load(PipelineOptions options)
    {
        var d = options.Decontamination;
        var index = new BenchmarkIndex(d.Ngram, d.Threshold);
        foreach (var (path, name, format) in ResolveFiles(options))
        {
            var source = new JsonlDatasetSource(path, name, format, null, new FieldMapOptions());
            foreach (var item in source.Read(CancellationToken.None))
            {
                if (item.Problem is { } p)
                    index.Add(name, p.Source.Row ?? 0, p.Prompt);
            }
        }

        return index;
    }

    /// <summary>The configured benchmark files, resolved against the config folder; all must exist.</summary>
    public static IReadOnlyList<(string Path, string Name, string Format)> ResolveFiles(PipelineOptions options)
    {
        var list = new List<(string, string, string)>();
        var errors = new List<ConfigError>();
        for (var i = 0; i < options.Decontamination.Benchmarks.Count; i++)
        {
            var b = options.Decontamination.Benchmarks[i];
            if (options.RequireInputFile(b.Path, $"decontamination.benchmarks[{i}].path", "benchmark file", errors,
                    " (the default benchmarks ship in the repository's data/benchmarks folder; fix the path or remove the entry)") is not { } path)
                continue;
            list.Add((path, b.Name ?? b.Path, (b.Format ?? DatasetFormats.Infer(path)).Trim().ToLowerInvariant()));
        }

        return errors.Count > 0 ? throw new ConfigException(errors) : list;
    }

    public void Add(string benchmark, long row, string text)
    {
        var id = _items.Count;
        _items.Add(new Item(benchmark, row, text));
        foreach (var gram in Grams(text))
        {
            if (_owner.TryAdd(gram, id))
                continue;
            if (!_moreOwners.TryGetValue(gram, out var more))
                _moreOwners[gram] = more = [];
            more.Add(id);
        }
    }

    /// <summary>The benchmark item sharing the most n-grams with <paramref name="text"/>, when the share exceeds the threshold.</summary>
    public ContaminationMatch? Match(string text)
    {
        var grams = Grams(text);
        if (grams.Count == 0)
            return null;
        var shared = new Dictionary<int, int>();
        foreach (var gram in grams)
        {
            if (!_owner.TryGetValue(gram, out var first))
                continue;
            shared[first] = shared.GetValueOrDefault(first) + 1;
            if (_moreOwners.TryGetValue(gram, out var more))
            {
                foreach (var id in more)
                    shared[id] = shared.GetValueOrDefault(id) + 1;
            }
        }

        if (shared.Count == 0)
            return null;
        var (best, count) = shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First();
        var share = (double)count / grams.Count;
        if (share <= _threshold)
            return null;
        var item = _items[best];
        return new ContaminationMatch(item.Benchmark, item.Row, item.Text, share, count);
    }

    private HashSet<ulong> Grams(string text) => [.. TextTokens.NgramHashes(TextTokens.Words(text), _n)];
}

/// <param name="Share">Share of the problem's n-grams found in the item.</param>
public sealed record ContaminationMatch(string Benchmark, long Row, string ItemText, double Share, int SharedNgrams);
