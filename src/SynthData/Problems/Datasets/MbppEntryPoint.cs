using System.Text.RegularExpressions;

namespace SynthData.Problems.Datasets;

/// <summary>
/// The function an MBPP task defines. MBPP rows name it only implicitly: the prompt shows the first assert, and the
/// reference solution defines it (sometimes beside helpers). The sandbox gives the tests the program's version of a
/// name only when the task defines it, never in place of a builtin otherwise, so tasks that define a builtin's name
/// (MBPP 126 defines <c>sum</c>) need it stated.
/// </summary>
public static partial class MbppEntryPoint
{
    /// <summary>The first top-level function of <paramref name="reference"/> that the first assert calls, or null.</summary>
    public static string? Find(string? reference, string firstAssert)
    {
        if (string.IsNullOrWhiteSpace(reference))
            return null;
        foreach (Match def in TopLevelDef().Matches(reference))
        {
            var name = def.Groups[1].Value;
            if (Regex.IsMatch(firstAssert, $@"(?<![\w.]){Regex.Escape(name)}\s*\("))
                return name;
        }
        return null;
    }

    [GeneratedRegex(@"^def\s+([A-Za-z_]\w*)\s*\(", RegexOptions.Multiline)]
    private static partial Regex TopLevelDef();
}
