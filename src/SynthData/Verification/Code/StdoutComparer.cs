namespace SynthData.Verification.Code;

/// <summary>
/// Strict stdout comparison: equal line by line after removing trailing whitespace from each line (which also
/// makes \r\n equal to \n) and ignoring trailing empty lines. No case folding, no token reordering, no float
/// tolerance, no prefix matches.
/// </summary>
public static class StdoutComparer
{
    /// <summary>1-based number of the first differing line, for messages (0 when equivalent).</summary>
    public static int FirstDifference(string expected, string actual)
    {
        var e = Normalize(expected);
        var a = Normalize(actual);
        for (var i = 0; i < System.Math.Max(e.Count, a.Count); i++)
        {
            if (i >= e.Count || i >= a.Count || !string.Equals(e[i], a[i], StringComparison.Ordinal))
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
}
