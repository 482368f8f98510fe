using System.Text.RegularExpressions;

namespace SynthData.Verification.Math.Equivalence;

/// <summary>
/// Units are dropped when answers are parsed (<c>5\text{ cm}</c> is 5), so a gold with a unit equals a bare number.
/// When both answers end in a unit we know and the units differ (<c>5\text{ km}</c> against <c>5\text{ m}</c>), the
/// equal numbers are not the same answer. Only units we can name decide: an unknown word, or a unit on one side only,
/// leaves the verdict to the values.
/// </summary>
internal static partial class StatedUnits
{
    /// <summary>Unit words by canonical symbol (synonyms, plurals, spellings).</summary>
    private static readonly Dictionary<string, string> Canonical = Build(new()
    {
        ["mm"] = ["millimeter", "millimeters", "millimetre", "millimetres"],
        ["cm"] = ["centimeter", "centimeters", "centimetre", "centimetres"],
        ["m"] = ["meter", "meters", "metre", "metres"],
        ["km"] = ["kilometer", "kilometers", "kilometre", "kilometres"],
        ["in"] = ["inch", "inches"],
        ["ft"] = ["foot", "feet"],
        ["yd"] = ["yard", "yards"],
        ["mi"] = ["mile", "miles"],
        ["mg"] = ["milligram", "milligrams"],
        ["g"] = ["gram", "grams"],
        ["kg"] = ["kilogram", "kilograms"],
        ["lb"] = ["lbs", "pound", "pounds"],
        ["oz"] = ["ounce", "ounces"],
        ["ml"] = ["mL", "milliliter", "milliliters", "millilitre", "millilitres"],
        ["l"] = ["L", "liter", "liters", "litre", "litres"],
        ["gal"] = ["gallon", "gallons"],
        ["s"] = ["sec", "secs", "second", "seconds"],
        ["min"] = ["mins", "minute", "minutes"],
        ["h"] = ["hr", "hrs", "hour", "hours"],
        ["day"] = ["days"],
        ["week"] = ["weeks"],
        ["month"] = ["months"],
        ["year"] = ["years", "yr", "yrs"],
        ["dollar"] = ["dollars", "usd"],
        ["cent"] = ["cents"],
        ["euro"] = ["euros"],
        ["mph"] = [],
        ["km/h"] = ["kph"],
        ["m/s"] = ["mps"],
    });

    /// <summary>A reason when both answers end in known units that differ; null otherwise.</summary>
    public static string? Differ(string gold, string pred) =>
        Of(gold) is { } g && Of(pred) is { } p && g != p ? $"units differ: {g} vs {p}" : null;

    /// <summary>The canonical unit an answer ends in (<c>cm^2</c> for "square centimeters"), or null.</summary>
    private static string? Of(string answer)
    {
        if (TrailingUnit().Match(answer) is not { Success: true } m)
            return null;
        var words = (m.Groups["wrapped"].Success ? m.Groups["wrapped"].Value : m.Groups["word"].Value)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var power = m.Groups["power"].Success ? m.Groups["power"].Value : null;
        if (words.Count == 2 && words[0].ToLowerInvariant() is "square" or "sq" or "cubic")
        {
            power ??= words[0].ToLowerInvariant() == "cubic" ? "3" : "2";
            words.RemoveAt(0);
        }
        if (words.Count != 1 || !Canonical.TryGetValue(words[0], out var unit))
            return null;
        return power is null ? unit : $"{unit}^{power}";
    }

    private static Dictionary<string, string> Build(Dictionary<string, string[]> synonyms)
    {
        // Case matters only for the symbols (mL and L are spelt either way, but M is not m): words match any case.
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (unit, words) in synonyms)
        {
            map[unit] = unit;
            foreach (var w in words)
            {
                map[w] = unit;
                if (w.Length > 3)
                {
                    map[w.ToUpperInvariant()] = unit;
                    map[char.ToUpperInvariant(w[0]) + w[1..]] = unit;
                }
            }
        }
        return map;
    }

    /// <summary>A number (or closing brace/parenthesis) then a unit, in a text wrapper or as plain words, at the end.</summary>
    [GeneratedRegex(@"[\d})]\s*(?:\\,|\\ |~)?\s*(?:\\(?:text|mathrm|mbox|textrm|rm)\s*\{\s*(?<wrapped>[A-Za-z/ ]+?)\s*\}|(?<word>(?:(?:square|sq|cubic)\s+)?[A-Za-z]+(?:/[A-Za-z]+)?))\s*(?:\^\s*\{?\s*(?<power>[23])\s*\}?)?\s*\.?\s*$")]
    private static partial Regex TrailingUnit();
}
