using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SynthData.Ledger;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// The dataset card (<c>README.md</c>) of a Hugging Face dataset folder: YAML front matter listing the configs and
/// their data files, then counts, sources, model, sampling parameters, verifier versions, acceptance rates and the
/// filters applied. Deterministic: no dates, ordered tables.
/// </summary>
public static class DatasetCard
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, string> Describe = new(StringComparer.Ordinal)
    {
        ["sft"] = "TRL conversational SFT (`prompt`/`completion` and `messages`)",
        ["dpo"] = "TRL conversational preference (`prompt`, `chosen`, `rejected`)",
        ["rl"] = "verl RL prompts (`prompt`, `reward_model.ground_truth`, `extra_info.pass_rate`)",
        ["grpo"] = "TRL GRPO prompts (`prompt`, `solution`, `ability`)",
        ["sharegpt"] = "LLaMA-Factory ShareGPT (`conversations`)",
        ["sharegpt_dpo"] = "LLaMA-Factory ShareGPT preference pairs (`conversations`, `chosen`, `rejected`)",
    };

    /// <summary>The file <c>license_link</c> points to: the licence of every source, and the model's terms.</summary>
    public const string LicenseFile = "LICENSE.md";

    /// <summary>HF Hub licence ids of the licences SynthData knows by name.</summary>
    private static readonly Dictionary<string, string> HubLicenseIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MIT"] = "mit", ["Apache-2.0"] = "apache-2.0", ["CC-BY-4.0"] = "cc-by-4.0", ["CC-BY-SA-4.0"] = "cc-by-sa-4.0", ["CC0-1.0"] = "cc0-1.0",
    };

    public static string Render(ExportContext context, DatasetTally tally, Curation curation, LedgerStatistics stats, IReadOnlyDictionary<(string Config, string Split), int> counts)
    {
        var sb = new StringBuilder();
        var splits = ExportRunner.Splits(context.Options);
        var configs = HfDatasetFolder.Configs.Where(c => splits.Any(s => counts.GetValueOrDefault((c, s)) > 0)).ToList();
        FrontMatter(sb, configs, splits, counts, tally);

        sb.Append("# SynthData verified reasoning traces\n\n");
        sb.Append("Chain-of-thought data made by SynthData with rejection sampling: problems were sampled from ")
          .Append("the model below, every response was checked by an automated verifier, and only verified responses are training ")
          .Append("examples. Every row carries its problem id, source and model; the ledger holds the full request and response.\n\n");

        sb.Append("## Contents\n\n| config | format | ").AppendJoin(" | ", splits).Append(" |\n| --- | --- |").Append(string.Concat(splits.Select(_ => " ---: |"))).Append('\n');
        foreach (var c in HfDatasetFolder.Configs)
            sb.Append(Inv, $"| `{c}` | {Describe[c]} | ").AppendJoin(" | ", splits.Select(s => counts.GetValueOrDefault((c, s)).ToString(Inv))).Append(" |\n");
        sb.Append("\nLoad with `datasets`:\n\n```python\nfrom datasets import load_dataset\n");
        foreach (var c in configs)
            sb.Append(Inv, $"{c} = load_dataset(\"path/to/this/folder\", \"{c}\")\n");
        sb.Append("```\n\nverl reads `verl/train.parquet`; LLaMA-Factory reads `dataset_info.json` (`--dataset_dir` this folder, `--dataset synthdata`).\n\n");

        Sources(sb, stats);
        Licenses(sb, tally);
        ModelAndSampling(sb, tally);
        Verification(sb, tally);
        CurationSection(sb, context, curation);
        return sb.ToString();
    }

    /// <summary>
    /// One licence for the whole set when every source has the same known one; otherwise <c>other</c>, named and
    /// linked to <see cref="LicenseFile"/>, which lists each source's licence.
    /// </summary>
    private static string LicenseFrontMatter(DatasetTally tally)
    {
        var licenses = tally.Licenses.Values.Select(v => v.License).Distinct().ToList();
        if (licenses is [{ } only] && HubLicenseIds.TryGetValue(only, out var id))
            return $"license: {id}\nlicense_link: {LicenseFile}\n";
        return $"license: other\nlicense_name: synthdata-mixed-sources\nlicense_link: {LicenseFile}\n";
    }

    private static void Licenses(StringBuilder sb, DatasetTally tally)
    {
        sb.Append("## Licences\n\nEach row keeps its source's licence in `source.license`. ")
          .Append(Inv, $"See `{LicenseFile}` for the terms; responses were written by the model(s) below, whose terms of use may also apply.\n\n");
        LicenseTable(sb, tally);
    }

    /// <summary>The table of source licences (card and licence file share it).</summary>
    public static void LicenseTable(StringBuilder sb, DatasetTally tally)
    {
        sb.Append("| source | kind | problems | licence |\n| --- | --- | ---: | --- |\n");
        foreach (var ((kind, name), (license, problems)) in tally.Licenses)
            sb.Append(Inv, $"| {name} | {kind} | {problems} | {license ?? "unknown (set `license` on the source)"} |\n");
        sb.Append('\n');
    }

    /// <summary>The folder's licence file: every source's licence and the model's terms.</summary>
    public static string RenderLicenseFile(DatasetTally tally)
    {
        var sb = new StringBuilder("# Licences of this dataset\n\n");
        sb.Append("This dataset mixes problems from the sources below (each under its own licence, recorded per row in `source.license`) ")
          .Append("with responses written by the model(s) ").Append(string.Join(", ", tally.Models.Keys.Select(m => $"`{m}`")))
          .Append("; the model provider's terms of use may apply to those responses. ")
          .Append(Inv, $"Generated problems are under the {DatasetTally.GeneratedLicense}.\n\n");
        LicenseTable(sb, tally);
        return sb.ToString();
    }

    private static void FrontMatter(StringBuilder sb, List<string> configs, IReadOnlyList<string> splits,
        IReadOnlyDictionary<(string, string), int> counts, DatasetTally tally)
    {
        var rows = counts.Values.DefaultIfEmpty(0).Max();
        sb.Append("---\npretty_name: SynthData verified reasoning traces\nlanguage:\n- en\n").Append(LicenseFrontMatter(tally));
        sb.Append("tags:\n- synthetic\n- reasoning\n- chain-of-thought\n- synthdata\ntask_categories:\n- text-generation\n");
        sb.Append("size_categories:\n- ").Append(SizeCategory(rows)).Append('\n');
        sb.Append("configs:\n");
        foreach (var c in configs)
        {
            sb.Append("- config_name: ").Append(c).Append('\n');
            if (c == configs[0])
                sb.Append("  default: true\n");
            sb.Append("  data_files:\n");
            foreach (var s in splits.Where(s => counts.GetValueOrDefault((c, s)) > 0))
                sb.Append("  - split: ").Append(s).Append("\n    path: data/").Append(c).Append('/').Append(s).Append(".jsonl\n");
        }

        sb.Append("---\n\n");
    }

    private static string SizeCategory(int rows) => rows switch
    {
        < 1_000 => "n<1K",
        < 10_000 => "1K<n<10K",
        < 100_000 => "10K<n<100K",
        < 1_000_000 => "100K<n<1M",
        _ => "n>1M",
    };

    private static void Sources(StringBuilder sb, LedgerStatistics stats)
    {
        sb.Append("## Sources and acceptance\n\nAll attempts in the ledger, before quality filters and selection.\n\n");
        sb.Append("| source | kind | problems | samples | accepted | rejected | acceptance rate |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var s in stats.BySource)
            sb.Append(Inv, $"| {s.Source} | {s.Kind} | {s.Problems} | {s.Samples} | {s.Accepted} | {s.Rejected} | {Percent(s.Accepted, s.Samples)} |\n");
        sb.Append(Inv, $"| **total** | | {stats.Problems} | {stats.Attempts} | {stats.Accepted} | {stats.Rejected} | {Percent(stats.Accepted, stats.Attempts)} |\n\n");
    }

    private static void ModelAndSampling(StringBuilder sb, DatasetTally tally)
    {
        sb.Append("## Model and sampling\n\n| model | samples |\n| --- | ---: |\n");
        foreach (var (model, count) in tally.Models)
            sb.Append(Inv, $"| {model} | {count} |\n");
        sb.Append("\n| sampling parameters (per-request seeds derived from the run seed) | samples |\n| --- | ---: |\n");
        foreach (var (sampling, count) in tally.Sampling)
            sb.Append(Inv, $"| `{sampling}` | {count} |\n");
        sb.Append('\n');
    }

    private static void Verification(StringBuilder sb, DatasetTally tally)
    {
        sb.Append("## Verification\n\n| verifier | version | verdicts | accepted |\n| --- | --- | ---: | ---: |\n");
        foreach (var ((verifier, version), (verdicts, accepted)) in tally.Verifiers)
            sb.Append(Inv, $"| {verifier} | {version} | {verdicts} | {accepted} |\n");
        sb.Append("\n| verdict | count |\n| --- | ---: |\n");
        foreach (var (kind, count) in tally.Kinds.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal))
            sb.Append(Inv, $"| {kind} | {count} |\n");
        sb.Append(Inv, $"\nUnverified attempts: {tally.Unverified}.\n\n");
    }

    private static void CurationSection(StringBuilder sb, ExportContext context, Curation d)
    {
        var o = context.Options;
        sb.Append("## Selection and filters\n\n");
        sb.Append(Inv, $"- Selection: up to {o.Selection.KeepPerProblem} accepted trace(s) per problem, strategy `{o.Selection.Strategy.ToString().ToLowerInvariant()}`; {d.NotSelected} eligible trace(s) beyond that were not exported.\n");
        sb.Append(Inv, $"- RL prompts: problems with pass rate in `{PassRateBand.Parse(o.Selection.RlPassRate)}` (pass rate = accepted / verified samples).\n");
        sb.Append(Inv, $"- DPO: up to {o.Export.Dpo.PairsPerProblem} pair(s) per problem; rejected side preferred by verdict: {string.Join(", ", o.Export.Dpo.RejectedKinds)}.\n");
        sb.Append(o.Export.TestFraction > 0
            ? string.Create(Inv, $"- Split: {o.Export.TestFraction:0.###} of problems held out as `test`, by a seeded hash of the problem id.\n")
            : "- Split: none (everything is `train`).\n");
        var f = o.Filters;
        sb.Append(Inv, $"- Quality filters on accepted traces: truncated output never kept; tokens {(f.MinTokens?.ToString(Inv) ?? "-")}..{(f.MaxTokens?.ToString(Inv) ?? "-")}; ")
          .Append(Inv, $"think format required: {Yes(f.RequireThink)}; mixed-language reasoning: {Yes(f.MixedLanguage)}; ")
          .Append(Inv, $"repeated {f.RepetitionNgram}-gram ratio above {(f.MaxRepeatedNgramRatio?.ToString(Inv) ?? "off")}; hedging: {Yes(f.Hedging)}; duplicate traces: {Yes(f.DuplicateTraces)}.\n\n");
        sb.Append("| traces removed by | count |\n| --- | ---: |\n");
        foreach (var (reason, count) in d.FilterCounts)
            sb.Append(Inv, $"| {reason} | {count} |\n");
        sb.Append(Inv, $"| **total** | {d.FilterCounts.Values.Sum()} |\n\n");

        sb.Append("## Problems dropped before sampling\n\n");
        var dedup = o.Dedup;
        sb.Append(Inv, $"Exact dedup: {Yes(dedup.Exact)}; near-duplicate dedup: {(dedup.NearThreshold is { } t ? string.Create(Inv, $"MinHash, {dedup.ShingleSize}-word shingles, Jaccard ≥ {t}") : "off")}; ")
          .Append(Inv, $"decontamination: {(o.Decontamination.Benchmarks.Count == 0 ? "off" : string.Create(Inv, $"{o.Decontamination.Ngram}-gram overlap > {o.Decontamination.Threshold} with {string.Join(", ", o.Decontamination.Benchmarks.Select(b => b.Name ?? Path.GetFileName(b.Path)))}"))}.\n\n");
        sb.Append("| reason | problems |\n| --- | ---: |\n");
        foreach (var g in d.DroppedProblems.GroupBy(p => p.Reason).OrderBy(g => g.Key, StringComparer.Ordinal))
            sb.Append(Inv, $"| {g.Key} | {g.Count()} |\n");
        sb.Append(Inv, $"| **total** | {d.DroppedProblems.Count} |\n\n");
        var contaminated = d.DroppedProblems.Where(p => p.Reason == Filtering.DropReasons.Contaminated).ToList();
        if (contaminated.Count == 0)
            return;
        sb.Append("| dropped problem | matched benchmark item | overlap |\n| --- | --- | ---: |\n");
        foreach (var p in contaminated.Take(50))
            sb.Append(Inv, $"| {p.Problem.Id} | {p.Matched} | {p.Score:0.###} |\n");
        if (contaminated.Count > 50)
            sb.Append(Inv, $"\n… and {contaminated.Count - 50} more (see `synthdata report`).\n");
        sb.Append('\n');
    }

    private static string Yes(bool on) => on ? "yes" : "no";

    private static string Percent(long part, long whole) => whole == 0 ? "-" : ((double)part / whole).ToString("0.0%", Inv);
}
