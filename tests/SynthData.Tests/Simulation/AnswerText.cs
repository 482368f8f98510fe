using System.Globalization;
using System.Text.RegularExpressions;

namespace SynthData.Tests.Simulation;

/// <summary>Test-side reading of responses, written independently of the simulator's own helpers.</summary>
internal static partial class AnswerText
{
    /// <summary>The last <c>\boxed{...}</c> after <c>&lt;/think&gt;</c> (one level of nested braces), or null.</summary>
    public static string? LastBoxedAfterThink(string text)
    {
        var close = text.LastIndexOf("</think>", StringComparison.Ordinal);
        if (close < 0)
            return null;
        var matches = Boxed().Matches(text[close..]);
        return matches.Count == 0 ? null : matches[^1].Groups[1].Value;
    }

    private static readonly SynthData.Verification.Math.MathAnswerChecker Checker = new();

    /// <summary>The problem's reference answer (a <c>\boxed{}</c> wrapper removed), else the GSM8K "#### N" line of its solution.</summary>
    public static string Reference(SynthData.Problems.Problem problem)
    {
        var answer = problem.Answer ?? GsmFinal().Match(problem.Solution ?? string.Empty).Groups[1].Value;
        return answer.StartsWith("\\boxed{", StringComparison.Ordinal) && answer.EndsWith('}') ? answer[7..^1] : answer;
    }

    /// <summary>Whether the pipeline's math verifier accepts <paramref name="response"/> for <paramref name="gold"/>.</summary>
    public static bool Accepted(string gold, string response) => Checker.Check(gold, response).Equivalent;

    /// <summary>The numeric value of an integer, decimal or simple fraction answer.</summary>
    public static double Value(string answer)
    {
        var a = answer.Replace(",", string.Empty, StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal).Trim();
        if (Frac().Match(a) is { Success: true } f)
            return (f.Groups[1].Value == "-" ? -1 : 1) * double.Parse(f.Groups[2].Value, CultureInfo.InvariantCulture) / double.Parse(f.Groups[3].Value, CultureInfo.InvariantCulture);
        return double.Parse(a, CultureInfo.InvariantCulture);
    }

    /// <summary>The last fenced python block, or null.</summary>
    public static string? LastPythonBlock(string text)
    {
        var matches = PythonBlock().Matches(text);
        return matches.Count == 0 ? null : matches[^1].Groups[1].Value;
    }

    /// <summary>Every <c>a op b = c</c> in the text, evaluated independently (System.Data's expression engine).</summary>
    public static IEnumerable<(double Written, bool Holds)> Equations(string text)
    {
        using var table = new System.Data.DataTable();
        foreach (Match m in Equation().Matches(text))
        {
            var expression = m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal);
            var written = Value(m.Groups[2].Value);
            var actual = Convert.ToDouble(table.Compute(expression, null), CultureInfo.InvariantCulture);
            yield return (written, System.Math.Abs(actual - written) < 1e-9);
        }
    }

    [GeneratedRegex(@"(\$?\d[\d,.]*(?:\s*[-+*/]\s*\$?\d[\d,.]*)+)\s*=\s*\$?(-?\d[\d,]*(?:\.\d+)?)")]
    private static partial Regex Equation();

    [GeneratedRegex(@"\\boxed\{((?:[^{}]|\{[^{}]*\})*)\}")]
    private static partial Regex Boxed();

    [GeneratedRegex(@"^(-?)\\frac\{(-?\d+)\}\{(\d+)\}$")]
    private static partial Regex Frac();

    [GeneratedRegex(@"^####\s*(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex GsmFinal();

    [GeneratedRegex(@"```python\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();
}
