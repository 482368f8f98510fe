namespace SynthData.Logic.Grids;

/// <summary>Token readers for <see cref="GridParser"/>.</summary>
public static class CellReaders
{
    /// <summary>An integer in [min, max] written in decimal (no sign, at most two digits).</summary>
    public static GridParser.CellReader Digits(int min, int max) => token =>
    {
        if (token.Length is < 1 or > 2 || !char.IsAsciiDigit(token[0]) || (token.Length == 2 && !char.IsAsciiDigit(token[1])))
            return null;
        var v = token.Length == 1 ? token[0] - '0' : (token[0] - '0') * 10 + token[1] - '0';
        return v >= min && v <= max ? v : null;
    };

    /// <summary>Either of two symbol sets, case-insensitive: tokens in <paramref name="one"/> read as 1, in <paramref name="zero"/> as 0.</summary>
    public static GridParser.CellReader Binary(string[] one, string[] zero) => token =>
        one.Contains(token, StringComparer.OrdinalIgnoreCase) ? 1
        : zero.Contains(token, StringComparer.OrdinalIgnoreCase) ? 0
        : null;
}
