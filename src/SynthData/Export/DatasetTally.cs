using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// What the dataset card reports about the attempts (models, sampling, verifiers, verdicts, source licences),
/// gathered while the export pass streams by: small tables whose size depends on the number of distinct models,
/// verdict kinds and sources, never on the number of attempts.
/// </summary>
public sealed class DatasetTally
{
    /// <summary>The licence of generated problems: the SynthData project's own (the repository declares none yet).</summary>
    public const string GeneratedLicense = "SynthData project licence";

    public SortedDictionary<string, int> Models { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Sampling { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<(string Verifier, string Version), (int Verdicts, int Accepted)> Verifiers { get; } = new(new OrdinalPairComparer());
    public Dictionary<string, int> Kinds { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<(string Kind, string Name), (string? License, int Problems)> Licenses { get; } = new(new OrdinalPairComparer());
    public int Attempts { get; private set; }
    public int Unverified { get; private set; }

    /// <summary>Some sharegpt row carries a system prompt (LLaMA-Factory then maps the <c>system</c> column).</summary>
    public bool ShareGptHasSystem { get; private set; }

    public void Add(ProblemGroup group, PipelineOptions options)
    {
        var source = group.Problem.Source;
        var key = (source.Kind, source.Name);
        var (license, problems) = Licenses.GetValueOrDefault(key);
        Licenses[key] = (license ?? LicenseOf(source), problems + 1);
        foreach (var a in group.Attempts)
        {
            Attempts++;
            Models[a.Attempt.Model] = Models.GetValueOrDefault(a.Attempt.Model) + 1;
            var sampling = SamplingWithoutSeed(a.Attempt.SamplingJson);
            Sampling[sampling] = Sampling.GetValueOrDefault(sampling) + 1;
            if (a.Verdict is not { } v)
            {
                Unverified++;
                continue;
            }

            var (count, accepted) = Verifiers.GetValueOrDefault((v.Verifier, v.VerifierVersion));
            Verifiers[(v.Verifier, v.VerifierVersion)] = (count + 1, accepted + (v.Accepted ? 1 : 0));
            Kinds[v.Kind] = Kinds.GetValueOrDefault(v.Kind) + 1;
        }

        if (!ShareGptHasSystem && group.Curated is { } p)
            ShareGptHasSystem = p.Selected.Any(a => ShareGptExporter.System(a, options.Export) is not null);
    }

    /// <summary>A dataset's own licence; generated (and synthesized) problems are the project's.</summary>
    public static string? LicenseOf(ProblemOrigin source) => source.Kind == "dataset" ? source.License : GeneratedLicense;

    private static string SamplingWithoutSeed(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject o)
            return json;
        o.Remove("seed");
        o.Remove("stream");
        return o.ToJsonString();
    }

    private sealed class OrdinalPairComparer : IComparer<(string, string)>
    {
        public int Compare((string, string) x, (string, string) y)
        {
            var first = string.CompareOrdinal(x.Item1, y.Item1);
            return first != 0 ? first : string.CompareOrdinal(x.Item2, y.Item2);
        }
    }
}
