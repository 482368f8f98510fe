using System.Text.RegularExpressions;

namespace SynthData.Verification.Code;

/// <summary>Finds the program in a model response: the last fenced Python block after any reasoning.</summary>
public static partial class ProgramExtractor
{
    /// <summary>
    /// Returns the last <c>```python</c> (or <c>```py</c>/<c>```python3</c>) block after the last <c>&lt;/think&gt;</c>;
    /// failing that the last untagged fenced block; when the text has no fence at all and
    /// <paramref name="acceptBareCode"/> is set, the whole text (the <c>verify code</c> CLI takes bare programs).
    /// </summary>
    public static string? Extract(string response, bool acceptBareCode = false)
    {
        var answer = Export.ThinkSplitter.Split(response, reasoningContent: null).Answer;
        string? python = null, untagged = null;
        foreach (Match m in FencedBlock().Matches(answer))
        {
            var lang = m.Groups["lang"].Value.ToLowerInvariant();
            if (lang is "python" or "py" or "python3")
                python = m.Groups["body"].Value;
            else if (lang.Length == 0)
                untagged = m.Groups["body"].Value;
        }

        var code = python ?? untagged;
        if (code is null && acceptBareCode && !answer.Contains("```", StringComparison.Ordinal))
            code = answer;
        return string.IsNullOrWhiteSpace(code) ? null : code;
    }

    // An unterminated final fence (a truncated answer) is deliberately not a block.
    [GeneratedRegex(@"^[ \t]*```[ \t]*(?<lang>[A-Za-z0-9_+-]*)[^\n]*\n(?<body>.*?)^[ \t]*```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
