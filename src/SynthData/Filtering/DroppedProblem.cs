using SynthData.Problems;

namespace SynthData.Filtering;

/// <summary>A problem kept out of the ledger's training data, and why.</summary>
/// <param name="Reason">One of <see cref="DropReasons"/>.</param>
/// <param name="Matched">What it duplicated or overlapped: a problem id, or <c>benchmark:row</c>.</param>
/// <param name="MatchedText">The start of the matched problem or benchmark item, for people reading the report.</param>
/// <param name="Score">Similarity (near duplicates) or n-gram overlap share (contamination); 1 for exact duplicates.</param>
public sealed record DroppedProblem(Problem Problem, string Reason, string Matched, string MatchedText, double Score)
{
    public override string ToString() =>
        $"{Problem.Id} ({Problem.Source.Name}) {Reason}: {Matched} (score {Score:0.###}) \"{Preview(MatchedText)}\"";

    internal static string Preview(string text, int length = 80)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }
}

public static class DropReasons
{
    public const string Contaminated = "contaminated";
    public const string ExactDuplicate = "exact_duplicate";
    public const string NearDuplicate = "near_duplicate";
}
