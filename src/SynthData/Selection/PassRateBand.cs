using System.Globalization;

namespace SynthData.Selection;

/// <summary>An interval of pass rates such as <c>(0, 1)</c> or <c>[0.2, 0.8]</c>; round brackets exclude the bound.</summary>
public sealed record PassRateBand(double Min, bool MinInclusive, double Max, bool MaxInclusive)
{
    public bool Contains(double rate) =>
        (MinInclusive ? rate >= Min : rate > Min) && (MaxInclusive ? rate <= Max : rate < Max);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(MinInclusive ? '[' : '(')}{Min}, {Max}{(MaxInclusive ? ']' : ')')}");

    public static PassRateBand Parse(string text) =>
        TryParse(text, out var band, out var error) ? band : throw new FormatException(error);

    public static bool TryParse(string text, out PassRateBand band, out string error)
    {
        band = new PassRateBand(0, true, 1, true);
        error = "";
        var t = text.Trim();
        var parts = t.Length >= 2 ? t[1..^1].Split(',') : [];
        if (t.Length < 2 || t[0] is not ('[' or '(') || t[^1] is not (']' or ')') || parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max))
        {
            error = $"expected an interval like (0, 1) or [0.2, 0.8], got '{text}'";
            return false;
        }

        if (min < 0 || max > 1 || min > max)
        {
            error = $"bounds must satisfy 0 <= min <= max <= 1, got '{text}'";
            return false;
        }

        band = new PassRateBand(min, t[0] == '[', max, t[^1] == ']');
        if (!band.Contains(min) && !band.Contains(max) && min == max)
        {
            error = $"the interval '{text}' is empty";
            return false;
        }

        return true;
    }
}
