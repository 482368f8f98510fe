using System.Text.RegularExpressions;

namespace SynthData.Verification.Math.Extraction;

/// <summary>
/// The value an answer statement states. "The volume of $ABCDEFGH$ is 120" states 120, not the object's name;
/// "Therefore, Janet makes $18 every day." states 18. Precision first: a concluding sentence gives an answer only when
/// it opens with a conclusion word, holds no negation, condition or "or", and names exactly one value (after its last
/// "is"/"are"/"equals" when it has one); otherwise it gives none.
/// </summary>
internal static partial class StatementValue
{
    /// <summary>Longest concluding sentence we read; longer ones are reasoning, not a conclusion.</summary>
    private const int MaxConclusionLength = 400;

    /// <summary>The answer in the text that follows an anchor ("Final Answer:", "the answer is") on its line.</summary>
    public static string OfAnchored(string line)
    {
        var sentence = Sentences.First(Sentences.MaskCurrency(line)).Trim().Trim('*', '"', '\u201c', '\u201d', ' ');
        if (sentence.StartsWith("\\\"", StringComparison.Ordinal))
            sentence = sentence[2..].Replace("\\\"", "", StringComparison.Ordinal).Trim();
        if (sentence.Length == 0)
            return "";
        var items = Sentences.Items(sentence);
        if (items.Count > 0 && items[0].IsEnvironment && items[0].Start == 0)
            return MathInLine(sentence) ?? sentence;
        if (AfterLastCopula(sentence, items) is { } tail)
            return tail;
        // "Jane started growing Sphere 3 hours ago": prose around one value.
        if (items.Count == 1 && items[0].Start > 0 && Prose().IsMatch(sentence[..items[0].Start]))
            return items[0].Text;
        return sentence;
    }

    /// <summary>The value a response's last sentence concludes with, or null when it is not such a conclusion.</summary>
    public static string? OfConclusion(string sentence)
    {
        sentence = Sentences.MaskCurrency(sentence).Trim();
        if (sentence.Length is 0 or > MaxConclusionLength || !Conclusion().IsMatch(sentence))
            return null;
        var items = Sentences.Items(sentence);
        var prose = MaskMath(sentence, items);
        if (Doubt().IsMatch(prose))
            return null;
        var copula = LastCopula(prose);
        var stated = copula is null ? items : items.Where(i => i.Start >= copula.Value).ToList();
        return stated.Count == 1 ? stated[0].Text : null;
    }

    /// <summary>The math of a line: its math environments, joined when only "and"/commas separate them.</summary>
    public static string? MathInLine(string line)
    {
        var matches = Sentences.MathEnvironments(line);
        if (matches.Count == 0)
            return null;
        var parts = new List<string> { Sentences.FirstGroup(matches[0]) };
        for (var i = 1; i < matches.Count; i++)
        {
            var between = line[(matches[i - 1].Index + matches[i - 1].Length)..matches[i].Index];
            if (Joiners.Classify(between) is not { } kind)
                break;
            parts.Add((kind == PartJoin.Alternatives ? "\\text{ or } " : "") + Sentences.FirstGroup(matches[i]));
        }
        return string.Join(", ", parts).Replace(", \\text{ or } ", " \\text{ or } ", StringComparison.Ordinal);
    }

    /// <summary>"the largest $n$ is 34": what follows the last "is"/"are"/"equals", when a value follows it.</summary>
    private static string? AfterLastCopula(string sentence, List<Sentences.MathItem> items)
    {
        if (LastCopula(MaskMath(sentence, items)) is not { } at || !items.Any(i => i.Start >= at))
            return null;
        var tail = sentence[at..].Trim();
        var tailItems = Sentences.Items(tail);
        return tailItems.Count > 0 && tailItems[0].IsEnvironment && tailItems[0].Start == 0 ? MathInLine(tail) ?? tail : tail;
    }

    private static int? LastCopula(string prose)
    {
        var matches = Copula().Matches(prose);
        return matches.Count == 0 ? null : matches[^1].Index + matches[^1].Length;
    }

    /// <summary>The sentence with its math blanked out, so words inside formulas are not read as prose.</summary>
    private static string MaskMath(string sentence, List<Sentences.MathItem> items)
    {
        var chars = sentence.ToCharArray();
        foreach (var item in items.Where(i => i.IsEnvironment))
            Array.Fill(chars, '_', item.Start, item.End - item.Start);
        return new string(chars);
    }

    [GeneratedRegex(@"\b(?:is|are|was|were|equals|equal\s+to|be|becomes|gives|yields)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Copula();

    [GeneratedRegex(@"^[\W_]*(?:(?:therefore|thus|hence|so|consequently|finally|altogether|overall|in\s+(?:total|conclusion|summary|all)|as\s+a\s+result|this\s+(?:means|gives|shows)|which\s+(?:means|gives)|we\s+(?:conclude|get|find|obtain|have)|the\s+(?:final\s+)?(?:result|total|value|number|solution|sum|product|difference|area|perimeter|volume|probability|amount|cost|price|length|distance|speed|time|ratio|count)))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Conclusion();

    /// <summary>Words that make a sentence something other than a plain statement of the answer.</summary>
    [GeneratedRegex(@"\b(?:not|no|never|cannot|can't|isn't|aren't|wasn't|doesn't|don't|impossible|neither|nor|incorrect|wrong|unless|if|suppose|assuming|or|maybe|perhaps|possibly|might|could|between|either)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Doubt();

    [GeneratedRegex(@"[A-Za-z]{3}")]
    private static partial Regex Prose();
}
