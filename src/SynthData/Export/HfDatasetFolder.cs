using System.Text.Json.Nodes;
using SynthData.Ledger;

namespace SynthData.Export;

/// <summary>
/// A folder the Hugging Face <c>datasets</c> library loads as is: <c>data/CONFIG/SPLIT.jsonl</c> for each training
/// format, a <c>README.md</c> dataset card whose YAML front matter lists the configs, the RL rows as Parquet under
/// <c>verl/</c>, and a LLaMA-Factory <c>dataset_info.json</c>. Files that would be empty are left out.
/// </summary>
public static class HfDatasetFolder
{
    /// <summary>The training formats a dataset folder holds (raw, an audit log with timings, is not one).</summary>
    public static readonly string[] Configs = ["sft", "dpo", "rl", "sharegpt"];

    public static async Task<IReadOnlyList<ExportedFile>> WriteAsync(ExportContext context, LedgerStatistics statistics, string directory, CancellationToken cancellationToken)
    {
        // What an earlier export left (e.g. a test split since switched off) must not linger beside the new files.
        foreach (var stale in Configs.Select(c => Path.Combine(directory, "data", c)).Append(Path.Combine(directory, "verl")).Where(Directory.Exists))
            Directory.Delete(stale, recursive: true);
        var files = new List<ExportedFile>();
        var counts = new Dictionary<(string Config, string Split), int>();
        foreach (var config in Configs)
        {
            foreach (var split in ExportRunner.Splits(context.Options))
            {
                var path = Path.Combine(directory, "data", config, $"{split}.jsonl");
                var written = await ExportRunner.ExportAsync(context.ForSplit(split), ExportRunner.Exporters[config], path, cancellationToken).ConfigureAwait(false);
                counts[(config, split)] = written[0].Records;
                foreach (var f in written)
                {
                    var placed = f.Path.EndsWith(".parquet", StringComparison.Ordinal) ? Relocate(f.Path, Path.Combine(directory, "verl", $"{split}.parquet")) : f.Path;
                    // An empty file has no schema to load: it is left out, and the card lists only what exists.
                    if (f.Records == 0)
                        File.Delete(placed);
                    else
                        files.Add(f with { Path = placed });
                }
            }

            var folder = Path.Combine(directory, "data", config);
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
                Directory.Delete(folder);
        }

        var card = Path.Combine(directory, "README.md");
        await AtomicFile.WriteAsync(card, w => w.WriteAsync(DatasetCard.Render(context, statistics, counts)), cancellationToken).ConfigureAwait(false);
        files.Add(new ExportedFile(card, 1));
        if (counts.GetValueOrDefault(("sharegpt", "train")) > 0)
        {
            var info = Path.Combine(directory, "dataset_info.json");
            await AtomicFile.WriteAsync(info, w => w.WriteAsync(LlamaFactoryInfo(context).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n"), cancellationToken).ConfigureAwait(false);
            files.Add(new ExportedFile(info, 1));
        }

        return files;
    }

    /// <summary>verl reads Parquet: the RL export's Parquet twin moves from <c>data/rl/</c> to <c>verl/SPLIT.parquet</c>.</summary>
    private static string Relocate(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to, overwrite: true);
        return to;
    }

    private static JsonObject LlamaFactoryInfo(ExportContext context)
    {
        var info = new JsonObject();
        foreach (var split in ExportRunner.Splits(context.Options))
        {
            var columns = new JsonObject { ["messages"] = "conversations" };
            if (context.Options.Export.IncludeSystemPrompt)
                columns["system"] = "system";
            info[split == "train" ? "synthdata" : $"synthdata_{split}"] = new JsonObject
            {
                ["file_name"] = $"data/sharegpt/{split}.jsonl",
                ["formatting"] = "sharegpt",
                ["columns"] = columns,
            };
        }

        return info;
    }
}
