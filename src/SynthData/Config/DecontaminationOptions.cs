using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

/// <summary>Drops problems that overlap benchmark test sets, before any sample is requested for them.</summary>
public sealed class DecontaminationOptions
{
    /// <summary>Benchmark files; none means no decontamination.</summary>
    public List<BenchmarkOptions> Benchmarks { get; set; } = [];

    /// <summary>Word n-gram size (13 as in GPT-3's contamination analysis).</summary>
    [Range(1, 64)]
    public int Ngram { get; set; } = 13;

    /// <summary>
    /// A problem is dropped when the share of its n-grams found in one benchmark item exceeds this (0: any shared
    /// n-gram). Problems shorter than an n-gram are compared whole.
    /// </summary>
    [Range(0.0, 1.0)]
    public double Threshold { get; set; }
}

public sealed class BenchmarkOptions : IValidatableObject
{
    /// <summary>Benchmark file, relative to the config file.</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>Dataset format (<c>gsm8k</c>, <c>math</c>, <c>humaneval</c>, <c>mbpp</c>, <c>jsonl</c>, ...); inferred when omitted.</summary>
    public string? Format { get; set; }

    /// <summary>Name in reports (default: the file path as written).</summary>
    public string? Name { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Format is not null && !Problems.Datasets.DatasetFormats.IsKnown(Format))
            yield return new ValidationResult($"unknown format '{Format}' (expected one of: {string.Join(", ", Problems.Datasets.DatasetFormats.Names)})", [nameof(Format)]);
    }
}
