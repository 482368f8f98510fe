using SynthData.Filtering;

namespace SynthData.Selection.Quality;

/// <summary>Degenerate repetition: the share of word n-grams that repeat an earlier one (0 for varied text, near 1 for a loop).</summary>
public static class Repetition
{
    /// <summary>Below this many n-grams a ratio says little; such texts count as not repetitive.</summary>
    public const int MinNgrams = 20;

    public static double RepeatedRatio(string text, int n)
    {
        var hashes = TextTokens.NgramHashes(TextTokens.Words(text), n).ToList();
        if (hashes.Count < MinNgrams)
            return 0;
        var distinct = hashes.Distinct().Count();
        return 1 - (double)distinct / hashes.Count;
    }
}
