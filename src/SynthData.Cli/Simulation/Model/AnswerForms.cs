using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// The forms in which real models write a correct answer: the same value as a fraction or a decimal where that is
/// exact, a mixed number, <c>\dfrac</c> or a slash, thousands separators, the question's unit or counted noun around
/// the number, money signs, degrees, percent signs, <c>x = …</c>, a reordered list or sum. Every form is one the math
/// verifier must accept as equal to the reference (so a recall regression shows up in the pipeline's own runs); a
/// reference it cannot restate with certainty is written as it is.
/// </summary>
internal static partial class AnswerForms
{
    private static readonly string[] NotCountedNouns =
        ["more", "fewer", "less", "of", "the", "in", "total", "are", "is", "does", "do", "did", "will", "can", "would", "were", "was", "has", "have", "had"];

    /// <summary>One of <see cref="Equivalents"/>, drawn from <paramref name="rng"/> (so fixed per problem, sample and seed).</summary>
    public static string Restate(string reference, string prompt, SeededRandom rng) => rng.Pick(Equivalents(reference, prompt));

    /// <summary>The reference first, then every other form of its value this class knows to be equal.</summary>
    public static IReadOnlyList<string> Equivalents(string reference, string prompt)
    {
        reference = reference.Trim();
        var forms = new List<string> { reference };
        if (Integer().Match(reference) is { Success: true } integer)
            AddInteger(forms, BigInteger.Parse(integer.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), prompt);
        else if (Decimal().Match(reference) is { Success: true } dec)
            AddDecimal(forms, dec, prompt);
        else if (Fraction().Match(reference) is { Success: true } frac)
            AddFraction(forms, frac.Groups["sign"].Value == "-", BigInteger.Parse(frac.Groups["num"].Value, CultureInfo.InvariantCulture), BigInteger.Parse(frac.Groups["den"].Value, CultureInfo.InvariantCulture));
        else if (Percent().Match(reference) is { Success: true } percent)
            forms.AddRange([$"{percent.Groups[1].Value}\\%", $"{percent.Groups[1].Value}%", $"{percent.Groups[1].Value} \\text{{ percent}}"]);
        else if (NumberList().IsMatch(reference))
            AddList(forms, reference, prompt);
        else
            AddExpression(forms, reference);
        return forms.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddInteger(List<string> forms, BigInteger n, string prompt)
    {
        var plain = n.ToString(CultureInfo.InvariantCulture);
        forms.Add(plain);
        forms.Add(plain + ".0");
        var grouped = n.ToString("N0", CultureInfo.InvariantCulture);
        if (BigInteger.Abs(n) >= 1000)
            forms.AddRange([grouped, grouped.Replace(",", "{,}", StringComparison.Ordinal)]);
        if (n.Sign >= 0 && IsMoney(prompt))
            forms.AddRange([$"\\${grouped}", $"\\${plain}", $"{plain} \\text{{ dollars}}"]);
        if (CountedNoun(prompt) is { } noun)
            forms.AddRange([$"{plain} \\text{{ {noun}}}", $"\\text{{{plain} {noun}}}"]);
        if (Degrees().IsMatch(prompt))
            forms.AddRange([$"{plain}^\\circ", $"{plain}^{{\\circ}}"]);
        if (NamesX().IsMatch(prompt))
            forms.Add($"x = {plain}");
    }

    private static void AddDecimal(List<string> forms, Match dec, string prompt)
    {
        var text = dec.Value;
        var negative = text.StartsWith('-');
        var digits = dec.Groups["int"].Value + dec.Groups["frac"].Value;
        var numerator = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        var denominator = BigInteger.Pow(10, dec.Groups["frac"].Value.Length);
        forms.Add(text + "0");
        if (dec.Groups["int"].Value == "0")
            forms.Add((negative ? "-" : "") + "." + dec.Groups["frac"].Value);
        AddFraction(forms, negative, numerator, denominator, decimals: false);
        if (!negative && IsMoney(prompt))
            forms.AddRange([$"\\${text}", $"{text} \\text{{ dollars}}"]);
    }

    private static void AddFraction(List<string> forms, bool negative, BigInteger num, BigInteger den, bool decimals = true)
    {
        if (den.IsZero)
            return;
        var gcd = BigInteger.GreatestCommonDivisor(num, den);
        num /= gcd;
        den /= gcd;
        var sign = negative ? "-" : "";
        if (den.IsOne)
        {
            forms.Add(sign + num.ToString(CultureInfo.InvariantCulture));
            return;
        }
        string n = num.ToString(CultureInfo.InvariantCulture), d = den.ToString(CultureInfo.InvariantCulture);
        forms.AddRange([$"{sign}\\frac{{{n}}}{{{d}}}", $"{sign}\\dfrac{{{n}}}{{{d}}}", $"{sign}{n}/{d}", $"{sign}\\tfrac{{{n}}}{{{d}}}"]);
        if (decimals && TerminatingDecimal(num, den) is { } dec)
            forms.Add(sign + dec);
        // Mixed numbers only for positive values: "-1\frac{1}{2}" is read both ways by people.
        if (!negative && num > den)
        {
            var whole = (num / den).ToString(CultureInfo.InvariantCulture);
            var rest = (num % den).ToString(CultureInfo.InvariantCulture);
            forms.AddRange([$"{whole}\\frac{{{rest}}}{{{d}}}", $"{whole} \\tfrac{{{rest}}}{{{d}}}"]);
        }
    }

    /// <summary>A list of values the question asks for all of, in any order (roots, solutions): reordered and re-spaced.</summary>
    private static void AddList(List<string> forms, string reference, string prompt)
    {
        var items = reference.Split(',').Select(s => s.Trim()).ToList();
        forms.Add(string.Join(",", items));
        if (!AsksForAll().IsMatch(prompt))
            return;
        forms.Add(string.Join(", ", Enumerable.Reverse(items)));
        forms.Add(string.Join(", ", items.Skip(1).Append(items[0])));
    }

    /// <summary>Other LaTeX: <c>\dfrac</c> for <c>\frac</c>, and a two-term sum written the other way round.</summary>
    private static void AddExpression(List<string> forms, string reference)
    {
        if (reference.Contains("\\frac", StringComparison.Ordinal) && !reference.Contains("\\dfrac", StringComparison.Ordinal))
            forms.Add(reference.Replace("\\frac", "\\dfrac", StringComparison.Ordinal));
        if (TwoTermSum(reference) is { } sum)
            forms.Add($"{sum.Right} + {sum.Left}");
    }

    /// <summary>
    /// <c>A + B</c> with one plus at bracket depth 0 and no other operator there that binds as loosely (minus, relation,
    /// comma, \pm, text), so <c>B + A</c> is the same sum.
    /// </summary>
    private static (string Left, string Right)? TwoTermSum(string text)
    {
        var depth = 0;
        var plus = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '{' or '(' or '[')
                depth++;
            else if (c is '}' or ')' or ']')
                depth--;
            else if (depth != 0)
                continue;
            else if (c == '+')
            {
                if (plus >= 0)
                    return null;
                plus = i;
            }
            else if (c is '-' or '=' or ',' or '<' or '>' or '!' or ':' or '|' or ';' or '&' or '%'
                || (c == '\\' && LooseCommands.Any(cmd => string.CompareOrdinal(text, i, cmd, 0, cmd.Length) == 0)))
            {
                return null;
            }
        }
        if (plus < 0 || depth != 0)
            return null;
        var left = text[..plus].Trim();
        var right = text[(plus + 1)..].Trim();
        return left.Length == 0 || right.Length == 0 ? null : (left, right);
    }

    private static readonly string[] LooseCommands =
        ["\\pm", "\\mp", "\\le", "\\ge", "\\ne", "\\neq", "\\cup", "\\cap", "\\setminus", "\\text", "\\mathrm", "\\to", "\\quad", "\\qquad", "\\lt", "\\gt", "\\approx", "\\sim", "\\in", "\\mid", "\\colon"];

    /// <summary>p/q as a decimal when q has no prime factor but 2 and 5 and the decimal is short.</summary>
    private static string? TerminatingDecimal(BigInteger num, BigInteger den)
    {
        var places = 0;
        var d = den;
        while (d % 2 == 0 || d % 5 == 0)
        {
            d = d % 2 == 0 ? d / 2 : d / 5;
            places++;
        }
        if (!d.IsOne || places > 6)
            return null;
        var scale = BigInteger.Pow(10, places);
        var scaled = num * scale / den;
        var whole = (scaled / scale).ToString(CultureInfo.InvariantCulture);
        var fraction = (scaled % scale).ToString(CultureInfo.InvariantCulture).PadLeft(places, '0').TrimEnd('0');
        return fraction.Length == 0 ? whole : $"{whole}.{fraction}";
    }

    private static bool IsMoney(string prompt) => Money().IsMatch(prompt);

    /// <summary>The noun of "How many NOUN …" (the thing counted), when it is a plain word.</summary>
    private static string? CountedNoun(string prompt)
    {
        var m = HowMany().Match(prompt);
        if (!m.Success)
            return null;
        var noun = m.Groups[1].Value.ToLowerInvariant();
        return NotCountedNouns.Contains(noun) ? null : noun;
    }

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+$|^-?\d+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^-?(?<int>\d+)\.(?<frac>\d+)$")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"^(?<sign>-?)(?:\\[dt]?frac\{(?<num>\d+)\}\{(?<den>\d+)\}|(?<num>\d+)/(?<den>\d+))$")]
    private static partial Regex Fraction();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*\\?%$")]
    private static partial Regex Percent();

    [GeneratedRegex(@"^-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)+$")]
    private static partial Regex NumberList();

    [GeneratedRegex(@"\b(all|every)\b.*\b(solutions?|roots?|values?|numbers?)\b|separated by commas", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AsksForAll();

    [GeneratedRegex(@"\$\s*\d|\bdollars?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"\bhow many ([A-Za-z]{3,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowMany();

    [GeneratedRegex(@"\bdegrees?\b|\^\\circ|\^\{\\circ\}|°", RegexOptions.IgnoreCase)]
    private static partial Regex Degrees();

    [GeneratedRegex(@"\$x\$|\bfor x\b|\bx\s*=|\bvalue of x\b|\bsolve for \$?x")]
    private static partial Regex NamesX();
}
