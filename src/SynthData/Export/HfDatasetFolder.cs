using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Ledger;

namespace SynthData.Export;

/// <summary>
/// A folder the Hugging Face <c>datasets</c> library loads as is: <c>data/CONFIG/SPLIT.jsonl</c> for each training
/// format, a <c>README.md</c> dataset card whose YAML front matter lists the configs, a <c>LICENSE.md</c> with the
/// licence of every source, the RL rows as Parquet under <c>verl/</c>, and a LLaMA-Factory <c>dataset_info.json</c>.
/// Everything is written in one ordered pass over the ledger. Files that would be empty are left out.
/// </summary>
public static class HfDatasetFolder
{
    /// <summary>The training formats a dataset folder holds (raw, an audit log with timings, is not one).</summary>
    public static readonly string[] Configs = ["sft", "dpo", "rl", "grpo", "sharegpt", "sharegpt_dpo"];

    public static async Task<IReadOnlyList<ExportedFile>> WriteAsync(ExportContext context, LedgerStatistics statistics, string directory, CancellationToken cancellationToken)
    {
        // What an earlier export left (e.g. a test split since switched off) must not linger beside the new files.
        foreach (var stale in Configs.Select(c => Path.Combine(directory, "data", c)).Append(Path.Combine(directory, "verl")).Where(Directory.Exists))
            Directory.Delete(stale, recursive: true);
        var splits = ExportRunner.Splits(context.Options);
        var sinks = new List<(string Config, string Split, ExportSink Sink)>();
        var tally = new DatasetTally();
        var files = new List<ExportedFile>();
        var counts = new Dictionary<(string Config, string Split), int>();
        try
        {
            foreach (var config in Configs)
            {
                foreach (var split in splits)
                    sinks.Add((config, split, ExportSink.Create(ExportRunner.Exporters[config], Path.Combine(directory, "data", config, $"{split}.jsonl"), split, ExportFileKind.Jsonl)));
            }

            foreach (var split in splits)
                sinks.Add(("verl", split, ExportSink.Create(ExportRunner.Exporters["rl"], Path.Combine(directory, "verl", $"{split}.parquet"), split, ExportFileKind.Parquet)));

            var curation = await ExportRunner.RunPassAsync(context, [.. sinks.Select(s => s.Sink)], g => tally.Add(g, context.Options), cancellationToken).ConfigureAwait(false);
            foreach (var (config, split, sink) in sinks)
            {
                var file = (await sink.CompleteAsync(cancellationToken).ConfigureAwait(false))!;
                if (config != "verl")
                    counts[(config, split)] = file.Records;
                // An empty file has no schema to load: it is left out, and the card lists only what exists.
                if (file.Records == 0)
                    File.Delete(file.Path);
                else
                    files.Add(file);
            }

            foreach (var folder in Configs.Select(c => Path.Combine(directory, "data", c)).Append(Path.Combine(directory, "verl")))
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                    Directory.Delete(folder);
            }

            var card = Path.Combine(directory, "README.md");
            await AtomicFile.WriteAsync(card, w => w.WriteAsync(DatasetCard.Render(context, tally, curation, statistics, counts)), cancellationToken).ConfigureAwait(false);
            files.Add(new ExportedFile(card, 1));
            var license = Path.Combine(directory, DatasetCard.LicenseFile);
            await AtomicFile.WriteAsync(license, w => w.WriteAsync(DatasetCard.RenderLicenseFile(tally)), cancellationToken).ConfigureAwait(false);
            files.Add(new ExportedFile(license, 1));
            var info = Path.Combine(directory, "dataset_info.json");
            if (LlamaFactoryInfo(splits, counts, tally) is { Count: > 0 } entries)
            {
                await AtomicFile.WriteAsync(info, w => w.WriteAsync(entries.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n"), cancellationToken).ConfigureAwait(false);
                files.Add(new ExportedFile(info, 1));
            }
            else if (File.Exists(info))
            {
                File.Delete(info);
            }

            return files;
        }
        finally
        {
            foreach (var (_, _, sink) in sinks)
                await sink.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// LLaMA-Factory's dataset registry (its data/README.md format): <c>synthdata</c> (SFT, ShareGPT) and
    /// <c>synthdata_dpo</c> (preference pairs, <c>ranking: true</c>), <c>_test</c> twins with a split. The
    /// <c>system</c> column is mapped only when rows carry one: LLaMA-Factory's converter reads a mapped column from
    /// every row and fails on rows without it.
    /// </summary>
    private static JsonObject LlamaFactoryInfo(IReadOnlyList<string> splits, Dictionary<(string Config, string Split), int> counts, DatasetTally tally)
    {
        var info = new JsonObject();
        foreach (var split in splits)
        {
            var suffix = split == "train" ? "" : $"_{split}";
            if (counts.GetValueOrDefault(("sharegpt", split)) > 0)
                info["synthdata" + suffix] = Entry($"data/sharegpt/{split}.jsonl", ranking: false, tally.ShareGptHasSystem);
            if (counts.GetValueOrDefault(("sharegpt_dpo", split)) > 0)
                info["synthdata_dpo" + suffix] = Entry($"data/sharegpt_dpo/{split}.jsonl", ranking: true, tally.ShareGptHasSystem);
        }

        return info;
    }

    private static JsonObject Entry(string file, bool ranking, bool system)
    {
        var columns = new JsonObject { ["messages"] = "conversations" };
        if (ranking)
        {
            columns["chosen"] = "chosen";
            columns["rejected"] = "rejected";
        }

        if (system)
            columns["system"] = "system";
        var entry = new JsonObject { ["file_name"] = file, ["formatting"] = "sharegpt" };
        if (ranking)
            entry["ranking"] = true;
        entry["columns"] = columns;
        return entry;
    }
}
