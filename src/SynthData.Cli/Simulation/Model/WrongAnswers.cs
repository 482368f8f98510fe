using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// Plausible wrong answers: near misses of the reference (off by one or two, doubled, halved, a tenfold slip), always
/// numerically different from it. Integers, decimals and fractions keep their format; other answers have their
/// first integer changed (or get <c>+ 1</c> when they contain none).
/// </summary>
internal static partial class WrongAnswers
{
    public static string Perturb(string reference, SeededRandom rng)
    {
        var plain = reference.Replace(@"\$", string.Empty, StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal).Trim();
        if (Integer().IsMatch(plain))
            return PerturbInteger(BigInteger.Parse(plain.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture), rng).ToString(CultureInfo.InvariantCulture);
        if (Decimal().IsMatch(plain))
            return PerturbDecimal(plain, rng);
        if (Fraction().Match(plain) is { Success: true } fraction)
        {
            var numerator = BigInteger.Parse(fraction.Groups["num"].Value, CultureInfo.InvariantCulture);
            var changed = numerator + rng.Pick(NonZeroSteps);
            return plain[..fraction.Groups["num"].Index] + changed.ToString(CultureInfo.InvariantCulture)
                + plain[(fraction.Groups["num"].Index + fraction.Groups["num"].Length)..];
        }
        if (Digits().Match(reference) is { Success: true } digits)
        {
            var changed = BigInteger.Parse(digits.Value, CultureInfo.InvariantCulture) + rng.Next(1, 3);
            return reference[..digits.Index] + changed.ToString(CultureInfo.InvariantCulture) + reference[(digits.Index + digits.Length)..];
        }
        return reference + " + 1";
    }

    private static readonly int[] NonZeroSteps = [1, -1, 2];

    private static BigInteger PerturbInteger(BigInteger n, SeededRandom rng)
    {
        Func<BigInteger, BigInteger>[] slips =
        [
            x => x + 1, x => x - 1, x => x + 2, x => x - 2, x => x * 2, x => x + 10, x => x - 10, x => x / 2, x => x * 10,
        ];
        var first = rng.Next(0, slips.Length - 1);
        for (var i = 0; i < slips.Length; i++)
        {
            var candidate = slips[(first + i) % slips.Length](n);
            // A near miss keeps the sign: nobody slips from 9 eggs to -1.
            if (candidate != n && candidate.Sign == n.Sign)
                return candidate;
        }
        return n >= 0 ? n + 1 : n - 1;
    }

    private static string PerturbDecimal(string text, SeededRandom rng)
    {
        var value = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
        var places = text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1;
        var unit = rng.Chance(0.5) ? 1m : 0.5m;
        var changed = value + (rng.Chance(0.5) || Math.Abs(value) <= unit ? unit : -unit) * (value < 0 ? -1 : 1);
        return changed.ToString("F" + Math.Max(places, unit == 0.5m ? 1 : 0).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^-?\d*\.\d+$")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"^-?(\\[dt]?frac\{(?<num>-?\d+)\}\{\d+\}|(?<num>-?\d+)/\d+)$")]
    private static partial Regex Fraction();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
