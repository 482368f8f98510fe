using System.Text.RegularExpressions;

namespace SynthData.Selection.Quality;

/// <summary>
/// A final answer that hedges between answers: two different <c>\boxed{}</c> values, or phrases that offer an
/// alternative ("or possibly", "could also be"). Only the answer part is read (after the reasoning), because weighing
/// alternatives inside the reasoning is normal; listing several roots in one box is not hedging.
/// </summary>
public static partial class Hedging
{
    public static bool IsHedged(string answer) =>
        BoxedValues(answer).Distinct(StringComparer.Ordinal).Count() > 1 || Phrases().IsMatch(answer);

    /// <summary>The contents of each <c>\boxed{...}</c> (braces balanced), whitespace removed.</summary>
    public static IEnumerable<string> BoxedValues(string text)
    {
        const string Marker = "\\boxed{";
        for (var at = text.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Marker, at + 1, StringComparison.Ordinal))
        {
            var depth = 1;
            var i = at + Marker.Length;
            for (; i < text.Length && depth > 0; i++)
            {
                if (text[i] == '{') depth++;
                else if (text[i] == '}') depth--;
            }

            if (depth == 0)
                yield return string.Concat(text[(at + Marker.Length)..(i - 1)].Where(c => !char.IsWhiteSpace(c)));
        }
    }

    [GeneratedRegex(@"\b(or possibly|or perhaps|or maybe|could also be|might also be|can't decide|cannot decide|not sure which|either \$?\\boxed)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrases();
}
