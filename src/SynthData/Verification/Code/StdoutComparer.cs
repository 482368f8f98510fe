using System.Globalization;
using System.Text.RegularExpressions;

namespace SynthData.Verification.Code;

/// <summary>
/// Stdout comparison of stdin/stdout tests. Normalisation, and nothing more: the text is split into lines at
/// <c>\n</c>; each line loses its trailing white space (spaces, tabs, <c>\r</c> — so <c>\r\n</c> equals <c>\n</c> — and
/// other Unicode white space); empty lines at the end are dropped (so a missing or extra final newline does not
/// matter). Leading white space, white space inside a line, blank lines before the end, case and order all matter.
/// <para>
/// With a float tolerance, a line is compared as tokens (runs of non-white-space) and the white space between them,
/// which must still be identical; two tokens that are both plain decimal numbers (<c>[+-]digits[.digits][e±digits]</c>,
/// finite) are equal when <c>|got − expected| ≤ tolerance × max(1, |expected|)</c> (absolute error for small values,
/// relative for large, as competitive-programming checkers do); every other token compares exactly. Without a
/// tolerance numbers compare as text too: <c>1.0</c> is not <c>1</c>.
/// </para>
/// </summary>
public static partial class StdoutComparer
{
    /// <summary>1-based number of the first differing line, for messages (0 when equivalent).</summary>
    public static int FirstDifference(string expected, string actual, double? floatTolerance = null)
    {
        var e = Normalize(expected);
        var a = Normalize(actual);
        for (var i = 0; i < System.Math.Max(e.Count, a.Count); i++)
        {
            if (i >= e.Count || i >= a.Count || !LineMatches(e[i], a[i], floatTolerance))
                return i + 1;
        }
        return 0;
    }

    internal static List<string> Normalize(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static bool LineMatches(string expected, string actual, double? tolerance)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
            return true;
        if (tolerance is not { } tol)
            return false;
        // The capturing group keeps the separators, so "a  b" and "a b" still differ.
        var e = Separator().Split(expected);
        var a = Separator().Split(actual);
        if (e.Length != a.Length)
            return false;
        for (var i = 0; i < e.Length; i++)
        {
            if (!string.Equals(e[i], a[i], StringComparison.Ordinal)
                && !(TryNumber(e[i], out var want) && TryNumber(a[i], out var got) && System.Math.Abs(got - want) <= tol * System.Math.Max(1.0, System.Math.Abs(want))))
                return false;
        }
        return true;
    }

    private static bool TryNumber(string token, out double value)
    {
        value = 0;
        return DecimalNumber().IsMatch(token)
            && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    [GeneratedRegex(@"(\s+)")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")]
    private static partial Regex DecimalNumber();
}
