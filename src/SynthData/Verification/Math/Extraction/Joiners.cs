using System.Text.RegularExpressions;

namespace SynthData.Verification.Math.Extraction;

/// <summary>
/// What the text between two answers says about them: offered together ("and", commas, a label such as
/// "y_2 =" or "for part (a) and", one counted noun as in "\boxed{1} papers and \boxed{2}"), offered as alternatives
/// ("or", "maybe"), or prose that separates them (null).
/// </summary>
internal static partial class Joiners
{
    private static readonly HashSet<string> HedgeWords =
        ["or", "maybe", "possibly", "perhaps", "alternatively", "either", "else", "it", "could", "might", "be"];

    /// <summary>Words that say the next answer replaces or contradicts the previous one.</summary>
    private static readonly HashSet<string> Contradictions =
        ["no", "not", "wrong", "incorrect", "but", "instead", "actually", "wait", "is", "was", "are", "so", "then", "hence", "thus", "therefore"];

    private static readonly HashSet<string> LabelWords = ["and", "for", "part", "parts", "respectively", "with"];

    public static PartJoin? Classify(string between)
    {
        var words = Noise().Replace(between, " ").Trim().ToLowerInvariant();
        if (words is "" or "and")
            return PartJoin.Together;
        // "\boxed{5}, or possibly \boxed{4}": two answers offered at once is hedging, however it is phrased.
        var split = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (split.All(HedgeWords.Contains) && split.Any(w => w is not ("it" or "could" or "might" or "be")))
            return PartJoin.Alternatives;
        if (split.Any(w => HedgeWords.Contains(w) || Contradictions.Contains(w)))
            return null;
        // Labels and at most one counted noun ("papers and").
        var labelled = Label().Replace(words, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rest = labelled.Where(w => !LabelWords.Contains(w)).ToList();
        if (rest.Count == 0)
            return PartJoin.Together;
        // A counted noun only directly before "and": "\boxed{1} papers and \boxed{2} bins", never "Note: \boxed{3}".
        return rest.Count == 1 && rest[0].Length >= 3 && rest[0].All(char.IsAsciiLetter)
            && Array.IndexOf(labelled, rest[0]) is var at && at + 1 < labelled.Length && labelled[at + 1] == "and"
            ? PartJoin.Together
            : null;
    }

    [GeneratedRegex(@"[\s$,;.:]|\\[()\[\]]|\\quad|\\qquad|\\text\{|\\mbox\{|\\textbf\{|\}|\\,|either")]
    private static partial Regex Noise();

    /// <summary>"y_2 =", "x=", "(b)", "b)": labels of the next part.</summary>
    [GeneratedRegex(@"(?<![a-z])[a-z](?:_\{?\w+\}?)?\s*=|\(\s*[a-h]\s*\)|(?<![a-z])[a-h]\)|(?<![a-z])(?:i|ii|iii|iv)\)")]
    private static partial Regex Label();
}
