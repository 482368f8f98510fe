using static System.FormattableString;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// Writes sums of integer-coefficient terms such as <c>3x - y + 4</c> (display) or <c>3*x - 1*y + 4</c> (ascii,
/// for metadata a plain evaluator can read). Zero terms are dropped and unit coefficients hidden.
/// </summary>
internal static class TermFormatter
{
    /// <summary><paramref name="terms"/> pairs a coefficient with a monomial (<c>x</c>, <c>x^2</c>, or empty for a constant).</summary>
    public static string Format(IEnumerable<(long Coefficient, string Monomial)> terms, bool ascii = false)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (coefficient, monomial) in terms)
        {
            if (coefficient == 0)
                continue;
            var magnitude = System.Math.Abs(coefficient);
            if (text.Length == 0)
                text.Append(coefficient < 0 ? "-" : "");
            else
                text.Append(coefficient < 0 ? " - " : " + ");
            if (monomial.Length == 0)
                text.Append(Invariant($"{magnitude}"));
            else if (ascii)
                text.Append(Invariant($"{magnitude}*{monomial}"));
            else
                text.Append(magnitude == 1 ? monomial : Invariant($"{magnitude}{monomial}"));
        }
        return text.Length == 0 ? "0" : text.ToString();
    }

    public static string Linear(long a, long b, string variable = "x", bool ascii = false) =>
        Format([(a, variable), (b, "")], ascii);

    public static string Quadratic(long a, long b, long c, bool ascii = false) =>
        Format([(a, "x^2"), (b, "x"), (c, "")], ascii);
}
