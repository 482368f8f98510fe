using System.Text.RegularExpressions;

namespace SynthData.Verification.Math.Extraction;

/// <summary>
/// Sentence and math-item scanning of prose, aware of math delimiters: a period inside <c>$…$</c> or a decimal
/// point never ends a sentence, and a <c>$</c> written before a number as a currency sign is not a math delimiter.
/// </summary>
internal static partial class Sentences
{
    /// <summary>One piece of math in a sentence: a math environment (its content) or a bare number.</summary>
    public readonly record struct MathItem(int Start, int End, string Text, bool IsEnvironment);

    /// <summary>
    /// <c>$18 a day</c>: a dollar sign before a number is a currency sign when no <c>$</c> closes it on its line or
    /// what it would enclose is prose (<c>$18 every day, $5 more</c>); <c>$20 \%$</c> stays math.
    /// </summary>
    public static string MaskCurrency(string text)
    {
        if (!text.Contains('$'))
            return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] != '$' || (i > 0 && text[i - 1] == '\\'))
                continue;
            if (i + 1 < text.Length && text[i + 1] == '$')
            {
                var closeDisplay = text.IndexOf("$$", i + 2, StringComparison.Ordinal);
                i = closeDisplay < 0 ? text.Length : closeDisplay + 1;
                continue;
            }
            var close = i + 1;
            while (close < text.Length && text[close] != '\n' && !(text[close] == '$' && text[close - 1] != '\\'))
                close++;
            var closed = close < text.Length && text[close] == '$';
            var startsNumber = i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
            if (startsNumber && (!closed || ProseWords().IsMatch(text.AsSpan(i + 1, close - i - 1))))
            {
                chars[i] = ' ';
                continue;
            }
            if (closed)
                i = close;
        }
        return new string(chars);
    }

    /// <summary>The last sentence of <paramref name="text"/> (a line break also ends one), without its final mark.</summary>
    public static string Last(string text)
    {
        var boundaries = Boundaries(text);
        var end = text.Length;
        // Skip trailing boundaries so "... is 5." ends at the 5.
        while (boundaries.Count > 0 && string.IsNullOrWhiteSpace(text[(boundaries[^1] + 1)..end]))
        {
            end = EndOf(text, boundaries[^1]);
            boundaries.RemoveAt(boundaries.Count - 1);
        }
        var start = boundaries.Count > 0 ? boundaries[^1] + 1 : 0;
        return text[start..end].Trim();
    }

    /// <summary>The first sentence of <paramref name="text"/>, without its final mark.</summary>
    public static string First(string text)
    {
        var boundaries = Boundaries(text);
        foreach (var b in boundaries)
        {
            if (!string.IsNullOrWhiteSpace(text[..EndOf(text, b)]))
                return text[..EndOf(text, b)].Trim();
        }
        return text.Trim();
    }

    /// <summary>Where the sentence ending at boundary <paramref name="b"/> ends: a period is dropped, a closing $$ or \] kept.</summary>
    private static int EndOf(string text, int b) => text[b] is '$' or ']' ? b + 1 : b;

    /// <summary>Indexes of sentence-ending marks (. ! ? followed by space or the end, and line breaks) outside math.</summary>
    private static List<int> Boundaries(string text)
    {
        var result = new List<int>();
        var inMath = MathState.None;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var n = text[i + 1];
                if (n is '(' or '[' && inMath == MathState.None)
                    inMath = n == '(' ? MathState.Paren : MathState.Bracket;
                else if (n == ')' && inMath == MathState.Paren)
                    inMath = MathState.None;
                else if (n == ']' && inMath == MathState.Bracket)
                {
                    // Display math stands on its own: what follows it starts a new sentence.
                    inMath = MathState.None;
                    result.Add(i + 1);
                }
                i++;
                continue;
            }
            if (c == '$')
            {
                if (inMath == MathState.None)
                    inMath = i + 1 < text.Length && text[i + 1] == '$' ? MathState.Display : MathState.Inline;
                else if (inMath == MathState.Display && i + 1 < text.Length && text[i + 1] == '$')
                {
                    inMath = MathState.None;
                    result.Add(i + 1);
                }
                else if (inMath == MathState.Inline)
                {
                    inMath = MathState.None;
                    // "$y = 6$ So, the pair is ...": a capital after closing math starts a sentence even without a period.
                    var next = i + 1;
                    while (next < text.Length && text[next] == ' ')
                        next++;
                    if (next > i + 1 && next < text.Length && char.IsAsciiLetterUpper(text[next]))
                        result.Add(i);
                }
                if (i + 1 < text.Length && text[i + 1] == '$')
                    i++;
                continue;
            }
            if (c == '\n' && inMath is MathState.None or MathState.Inline)
            {
                // Inline math never spans lines: an unclosed $ ends at the line break.
                inMath = MathState.None;
                result.Add(i);
            }
            else if (inMath == MathState.None && c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                result.Add(i);
            }
        }
        return result;
    }

    /// <summary>The math of a sentence, in order: its math environments and the bare numbers outside them.</summary>
    public static List<MathItem> Items(string sentence)
    {
        var items = new List<MathItem>();
        var covered = new bool[sentence.Length];
        foreach (Match m in InlineMath().Matches(sentence))
        {
            items.Add(new MathItem(m.Index, m.Index + m.Length, FirstGroup(m), IsEnvironment: true));
            Array.Fill(covered, true, m.Index, m.Length);
        }
        foreach (Match m in BareNumber().Matches(sentence))
        {
            if (!covered[m.Index])
                items.Add(new MathItem(m.Index, m.Index + m.Length, m.Value, IsEnvironment: false));
        }
        items.Sort((a, b) => a.Start.CompareTo(b.Start));
        return items;
    }

    /// <summary>The inline or display math environments of a line.</summary>
    public static MatchCollection MathEnvironments(string line) => InlineMath().Matches(line);

    public static string FirstGroup(Match match)
    {
        for (var g = 1; g < match.Groups.Count; g++)
        {
            if (match.Groups[g].Success)
                return match.Groups[g].Value.Trim();
        }
        return match.Value;
    }

    private enum MathState { None, Inline, Display, Paren, Bracket }

    /// <summary>Math environments; an inline <c>$…$</c> stays on one line and may hold an escaped <c>\$</c>.</summary>
    [GeneratedRegex(@"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\\((.+?)\\\)|\$((?:\\\$|[^$\n])+?)\$", RegexOptions.Singleline)]
    private static partial Regex InlineMath();

    /// <summary>A number written in prose: 18, -3, 1,234, 2.5, 3/4, 2:1, 45%.</summary>
    [GeneratedRegex(@"(?<![\w.^_])-?\d+(?:,\d{3})*(?:\.\d+)?(?:/\d+|:\d+)?%?(?![\w^_]|[.,]\d)")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"(?<![\\A-Za-z])[A-Za-z]{2,}\s+[A-Za-z]{2,}")]
    private static partial Regex ProseWords();
}
