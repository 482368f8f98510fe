using System.Text;
using System.Text.RegularExpressions;
using SynthData.Verification.Math.Extraction;
using SynthData.Verification.Math.Syntax;

namespace SynthData.Verification.Math.Equivalence;

/// <summary>Comparisons of answers as written, before or instead of parsing: shortcuts, letters and prose.</summary>
internal static partial class WrittenForm
{
    /// <summary>A whitespace- and delimiter-insensitive form; equal forms are the same answer as written.</summary>
    public static string Quick(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!char.IsWhiteSpace(ch) && ch != '$')
                sb.Append(ch);
        }
        sb.Replace("\\left", "").Replace("\\right", "").Replace("\\!", "").Replace("\\,", "").Replace("\\;", "")
            .Replace("\\dfrac", "\\frac").Replace("\\tfrac", "\\frac").Replace("\\displaystyle", "");
        while (sb.Length > 0 && sb[^1] == '.')
            sb.Length--;
        return sb.ToString();
    }

    /// <summary>
    /// Unparsed answers as written (after <see cref="LatexCleaner"/>): \text-like wrappers and outer braces unwrapped,
    /// whitespace and <c>$</c> ignored,
    /// a final period dropped; case is ignored only for prose (a word of three letters), never for formulas.
    /// </summary>
    public static string Text(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in UnwrapText(LatexCleaner.Clean(text)))
        {
            if (!char.IsWhiteSpace(ch) && ch != '$')
                sb.Append(ch);
        }
        var form = sb.ToString();
        // An outer group {X} is X in LaTeX.
        while (form.Length > 1 && form[0] == '{' && BoxScanner.MatchingBrace(form, 0) == form.Length - 1)
            form = form[1..^1];
        form = form.TrimEnd('.');
        return ProseWord().IsMatch(text) ? form.ToLowerInvariant() : form;
    }

    /// <summary>Replaces each <c>\text{X}</c> (and similar wrappers) by X, brace-matched.</summary>
    private static string UnwrapText(string text)
    {
        for (var round = 0; round < 64 && TextWrapper().Match(text) is { Success: true } wrapper; round++)
        {
            var open = wrapper.Index + wrapper.Length;
            while (open < text.Length && text[open] == ' ')
                open++;
            var close = open < text.Length && text[open] == '{' ? BoxScanner.MatchingBrace(text, open) : -1;
            text = close < 0
                ? text.Remove(wrapper.Index, wrapper.Length)
                : string.Concat(text.AsSpan(0, wrapper.Index), text.AsSpan(open + 1, close - open - 1), text.AsSpan(close + 1));
        }
        return text;
    }

    /// <summary>A multiple-choice letter: "(B)", "B", "\text{(B)}", "B) 12" (the latter only when not whole).</summary>
    public static char? ChoiceLetter(string text, bool whole)
    {
        var t = TextWrapper().Replace(text, "").Replace("{", "").Replace("}", "").Replace("$", "").Trim().TrimEnd('.');
        var match = whole ? WholeChoice().Match(t) : LeadingChoice().Match(t);
        return match.Success ? (match.Groups[1].Success ? match.Groups[1] : match.Groups[2]).Value[0] : null;
    }

    [GeneratedRegex(@"(?<![\\A-Za-z])[A-Za-z]{3}")]
    private static partial Regex ProseWord();

    /// <summary>"70,110": a thousands separator or a list; the checker tries the list reading when the first fails.</summary>
    public static bool HasAmbiguousComma(string text) => AmbiguousComma().IsMatch(text);

    /// <summary>
    /// "1,22" or "0,111" written with a decimal comma, as the same number with a point; null when the comma could
    /// also group thousands ("2,500") or the text is anything but one such number.
    /// </summary>
    public static string? DecimalComma(string text)
    {
        var m = DecimalCommaNumber().Match(text);
        if (!m.Success || (m.Groups[2].Length == 3 && m.Groups[1].Value.TrimStart('-') != "0"))
            return null;
        return m.Groups[1].Value + "." + m.Groups[2].Value;
    }

    [GeneratedRegex(@"^[\s$]*(-?\d+),(\d+)[\s$]*$")]
    private static partial Regex DecimalCommaNumber();

    [GeneratedRegex(@"(?<![\d.])\d{1,3},\d{3}(?!\d)")]
    private static partial Regex AmbiguousComma();

    [GeneratedRegex(@"\\(?:text|textbf|textrm|mathrm|mathbf|mbox|textit|mathit|operatorname)(?![A-Za-z])")]
    private static partial Regex TextWrapper();

    [GeneratedRegex(@"^\(?([A-J])\)?$")]
    private static partial Regex WholeChoice();

    [GeneratedRegex(@"^(?:\(([A-J])\)|([A-J])(?:\)|\.|:|\s|$))")]
    private static partial Regex LeadingChoice();
}
