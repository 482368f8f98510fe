using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

/// <summary>
/// Quality filters on accepted traces, applied when exporting (not when sampling), so changing them needs no new
/// requests. A filtered trace is never exported as a chosen/SFT example; pass rates still count verifier verdicts.
/// </summary>
public sealed class FilterOptions : IValidatableObject
{
    /// <summary>Fewest completion tokens an exported trace may have (null: no minimum).</summary>
    [Range(1, 10_000_000)]
    public int? MinTokens { get; set; }

    /// <summary>Most completion tokens an exported trace may have (null: no maximum).</summary>
    [Range(1, 10_000_000)]
    public int? MaxTokens { get; set; }

    /// <summary>Require a reasoning section (<c>&lt;think&gt;…&lt;/think&gt;</c> or <c>reasoning_content</c>) and an answer after it.</summary>
    public bool RequireThink { get; set; }

    /// <summary>Drop traces whose reasoning switches script (e.g. Chinese inside an English trace) where the prompt does not.</summary>
    public bool MixedLanguage { get; set; } = true;

    /// <summary>Drop traces where more than this share of word n-grams are repeats (degenerate loops). Null: off.</summary>
    [Range(0.0, 1.0)]
    public double? MaxRepeatedNgramRatio { get; set; } = 0.5;

    /// <summary>Word n-gram size of the repetition measure.</summary>
    [Range(1, 64)]
    public int RepetitionNgram { get; set; } = 4;

    /// <summary>Drop traces that hedge between answers (several different boxed answers, "or possibly ...").</summary>
    public bool Hedging { get; set; } = true;

    /// <summary>Keep only one of several accepted traces of a problem with the same text.</summary>
    public bool DuplicateTraces { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinTokens is { } min && MaxTokens is { } max && max < min)
            yield return new ValidationResult("must be at least filters.min_tokens", [nameof(MaxTokens)]);
    }
}
