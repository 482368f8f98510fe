using System.Text;
using System.Text.RegularExpressions;

namespace SynthData.Verification.Math.Syntax;

/// <summary>
/// Text-level clean-up before lexing: removes what never changes the value (sizing, spacing, math delimiters,
/// currency), turns degree marks into one marker command and maps Unicode math to LaTeX. Keeps everything that could (signs, brackets, text).
/// </summary>
internal static partial class LatexCleaner
{
    private static readonly (string From, string To)[] Replacements =
    [
        (@"\dfrac", @"\frac"), (@"\tfrac", @"\frac"), (@"\cfrac", @"\frac"),
        (@"\dbinom", @"\binom"), (@"\tbinom", @"\binom"),
        (@"\left.", ""), (@"\right.", ""),
        (@"\{", " \\lbrace "), (@"\}", " \\rbrace "),
        (@"\lvert", "|"), (@"\rvert", "|"), (@"\vert", "|"), (@"\mid", "|"),
        (@"\lbrack", "["), (@"\rbrack", "]"),
        (@"\%", "%"), (@"\$", " "), ("$", " "),
        ("{,}", ","),
        ("^{\\prime\\prime}", "''"), ("^{\\prime}", "'"), ("^\\prime", "'"), ("\\prime", "'"), ("′", "'"), ("″", "''"),
        ("^{\\circ}", "\\circmark "), ("^\\circ", "\\circmark "), ("\\degree", "\\circmark "), ("°", "\\circmark "),
        ("−", "-"), ("–", "-"), ("×", "\\times "), ("·", "\\cdot "), ("÷", "\\div "), ("√", "\\sqrt "),
        ("π", "\\pi "), ("∞", "\\infty "), ("≤", "\\le "), ("≥", "\\ge "), ("≠", "\\ne "), ("±", "\\pm "),
        ("∪", "\\cup "), ("∩", "\\cap "), ("∈", "\\in "),
        ("€", " "), ("£", " "), ("¥", " "), ("₹", " "),
    ];

    public static string Clean(string text)
    {
        var sb = new StringBuilder(text);
        foreach (var (from, to) in Replacements)
            sb.Replace(from, to);
        var s = sb.ToString();
        // A thin space between digit groups is a thousands separator: 1\,000, 85,\!184 and 111, \! 111.
        s = DigitGroupSpace().Replace(s, "$1");
        // N\cdot m written as \mathrm{N}\cdot\mathrm{m} is one unit: \mathrm{N m}.
        s = UnitProduct().Replace(s, " ");
        s = Sizing().Replace(s, "");
        s = Spacing().Replace(s, " ");
        return s.Trim();
    }

    [GeneratedRegex(@"(?<=\\(?:mathrm|text|mbox|rm)\{\s*[A-Za-z]{1,4}\s*)\}\s*(?:\\cdot|\\times|\\,|\s)\s*\\(?:mathrm|text|mbox|rm)\{(?=\s*[A-Za-z]{1,4}\s*\})")]
    private static partial Regex UnitProduct();

    [GeneratedRegex(@"(?<=\d)(,?)\s*\\[,!;:]\s*(?=\d{3}(?!\d))")]
    private static partial Regex DigitGroupSpace();

    [GeneratedRegex(@"\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg|displaystyle|textstyle|scriptstyle|limits|nolimits)(?![a-zA-Z])")]
    private static partial Regex Sizing();

    [GeneratedRegex(@"(?<!\\)\\[,!;: ]|\\q?quad|\\hspace\{[^}]*\}|\\enspace|~")]
    private static partial Regex Spacing();
}
