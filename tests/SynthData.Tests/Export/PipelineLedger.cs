using System.Text.Json.Nodes;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Export;

/// <summary>
/// A real ledger made by running the pipeline in-process against the simulated endpoint: generators and a GSM8K
/// sample, 4 samples per problem, a low token cap so some answers are cut off. Built once per test class.
/// </summary>
public class PipelineLedger : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Func<string, string> _yaml;

    public PipelineLedger()
        : this(MathYaml)
    {
    }

    /// <param name="yaml">The config for a given extra top-level YAML section.</param>
    protected PipelineLedger(Func<string, string> yaml)
    {
        _yaml = yaml;
        Config = WriteConfig("pipeline.yaml", "");
        var run = TestSupport.Cli.RunAsync("run", "--config", Config).GetAwaiter().GetResult();
        if (run.ExitCode != 0)
            throw new InvalidOperationException(run.Out + run.Error);
    }

    public string Config { get; }

    public string Dir => _dir.Path;

    public string File(string name) => _dir.File(name);

    /// <summary>A second config over the same ledger, with extra top-level YAML sections (e.g. a split).</summary>
    public string WriteConfig(string name, string extra) => _dir.Write(name, _yaml(extra));

    /// <summary>A file of the repository's <c>problems/</c> folder, as YAML takes it.</summary>
    protected static string RepoProblem(string file) => Path.Combine(RepoPaths.Root, "problems", file).Replace('\\', '/');

    private static string MathYaml(string extra) => $"""
            run:
              output_dir: out
              seed: 3
            model:
              provider: simulated
              samples_per_problem: 4
              accuracy: 0.55
              max_tokens: 160
            selection:
              keep_per_problem: 2
            {extra}
            sources:
              - generator: arithmetic
                count: 10
                difficulty: 2
              - generator: linear_equation
                count: 10
                difficulty: 3
              - dataset: {RepoProblem("gsm8k_sample.jsonl")}
                format: gsm8k
                limit: 10
            """;

    /// <summary>Runs <c>export</c> and returns the parsed lines of the file it wrote.</summary>
    public async Task<List<JsonObject>> ExportAsync(string format, string file, string? config = null)
    {
        var r = await TestSupport.Cli.RunAsync("export", "--format", format, "--config", config ?? Config, "--out", File(file));
        Assert.True(r.ExitCode == 0, r.Error);
        return Lines(File(file));
    }

    public static List<JsonObject> Lines(string path) =>
        [.. System.IO.File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!.AsObject())];

    /// <summary>The raw export keyed by (problem id, sample index): the ground truth the other exports are checked against.</summary>
    public async Task<Dictionary<(string, int), JsonObject>> RawAsync()
    {
        var raw = await ExportAsync("raw", "raw.jsonl");
        return raw.ToDictionary(r => ((string)r["problem_id"]!, (int)r["sample_index"]!));
    }

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
