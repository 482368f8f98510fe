using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

/// <summary>One entry of <c>sources</c>: either a generator or a dataset file.</summary>
public sealed class SourceOptions : IValidatableObject
{
    /// <summary>Generator name (see <c>synthdata generators</c>).</summary>
    public string? Generator { get; set; }

    [Range(0, 10_000_000)]
    public int Count { get; set; } = 10;

    [Range(1, 10)]
    public int Difficulty { get; set; } = 1;

    public long Seed { get; set; }

    /// <summary>
    /// Problems this source adds per batch: every <c>run</c> (and <c>worker</c> batch) takes its next N problems not yet
    /// in the ledger, from where the last batch stopped. A generator with <c>per_batch</c> is an endless seeded
    /// stream (<c>count</c> is not used); a dataset is read on until its end.
    /// </summary>
    [Range(1, 10_000_000)]
    public int? PerBatch { get; set; }

    /// <summary>Path of a dataset file (JSONL or CSV).</summary>
    public string? Dataset { get; set; }

    /// <summary>Dataset format: <c>jsonl</c> (native problems), <c>gsm8k</c>, <c>math</c>, <c>humaneval</c>, <c>mbpp</c>, <c>csv</c>.
    /// When omitted it is inferred from the file extension (<c>.csv</c> → csv, otherwise jsonl with auto-detected fields).</summary>
    public string? Format { get; set; }

    /// <summary>Take at most this many rows.</summary>
    [Range(1, int.MaxValue)]
    public int? Limit { get; set; }

    /// <summary>
    /// Licence of the dataset (e.g. <c>MIT</c>, <c>CC-BY-4.0</c>), carried by every problem it yields and listed in the
    /// dataset card. Null: the known licence of the format's public set (<see cref="Problems.Datasets.DatasetLicenses"/>),
    /// otherwise unknown.
    /// </summary>
    public string? License { get; set; }

    /// <summary>Field mapping for <c>jsonl</c>/<c>csv</c> files whose column names differ from the defaults.</summary>
    public FieldMapOptions Fields { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasGenerator = !string.IsNullOrWhiteSpace(Generator);
        var hasDataset = !string.IsNullOrWhiteSpace(Dataset);
        if (hasGenerator == hasDataset)
            yield return new ValidationResult("each source needs exactly one of 'generator' or 'dataset'", [hasGenerator ? nameof(Dataset) : nameof(Generator)]);
        if (hasGenerator && !Problems.GeneratorCatalog.TryGet(Generator!, out _))
            yield return new ValidationResult($"unknown generator '{Generator}' (see 'synthdata generators')", [nameof(Generator)]);
        else if (hasGenerator && Problems.GeneratorCatalog.TryGet(Generator!, out var generator) && Difficulty > generator.MaxDifficulty)
            yield return new ValidationResult($"must be 1..{generator.MaxDifficulty} for generator '{Generator}'", [nameof(Difficulty)]);
        if (Format is not null && !Problems.Datasets.DatasetFormats.IsKnown(Format))
            yield return new ValidationResult($"unknown format '{Format}' (expected one of: {string.Join(", ", Problems.Datasets.DatasetFormats.Names)})", [nameof(Format)]);
    }
}

/// <summary>Column/field names for generic JSONL and CSV imports.</summary>
public sealed class FieldMapOptions
{
    public string Prompt { get; set; } = "prompt";
    public string Answer { get; set; } = "answer";
    public string Domain { get; set; } = "domain";
    public string Id { get; set; } = "id";
}
