using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;

namespace SynthData.Problems.Generators.Code;

/// <summary>Integer to Roman numeral; difficulty widens the range up to 3999 and adds the subtractive edge cases.</summary>
public sealed class RomanNumeralsGenerator : IProblemGenerator
{
    private static readonly (int Value, string Symbol)[] Symbols =
        [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];

    private const string Reference = """
        def to_roman(n: int) -> str:
            table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                     (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
            out = []
            for value, symbol in table:
                while n >= value:
                    out.append(symbol)
                    n -= value
            return "".join(out)
        """;

    public string Name => "roman_numerals";
    public string Description => "Python: convert an integer (1..3999) to a Roman numeral, subtractive notation";
    public ProblemDomain Domain => ProblemDomain.Code;
    public int MaxDifficulty => 5;

    public GeneratedProblem Generate(SeededRandom rng, int difficulty)
    {
        var max = difficulty switch { 1 => 20, 2 => 100, 3 => 500, 4 => 2000, _ => 3999 };
        var numbers = Enumerable.Range(0, 8 + difficulty * 2).Select(_ => rng.Next(1, max)).ToList();
        int[] edges = [4, 9, 14, 40, 90, 400, 900, 1994, 3888, 3999];
        numbers.AddRange(edges.Where(e => e <= max).Take(difficulty + 1));
        var tests = numbers.Select(n => FunctionProblem.Test(JsonValue.Create(ToRoman(n)), JsonValue.Create(n))).ToList();
        return FunctionProblem.Create("to_roman", "to_roman(n: int) -> str", $"""
            Return the Roman numeral for `n` (1 <= n <= {max}) in standard form: symbols I V X L C D M written from
            largest to smallest, using the subtractive pairs IV, IX, XL, XC, CD and CM (so 4 is "IV", never "IIII").
            """, tests, Reference, difficulty);
    }

    internal static string ToRoman(int n)
    {
        var sb = new StringBuilder();
        foreach (var (value, symbol) in Symbols)
        {
            for (; n >= value; n -= value)
                sb.Append(symbol);
        }
        return sb.ToString();
    }
}
