using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SynthData.Problems;
using SynthData.Problems.Generators.Math;

namespace SynthData.Tests.Problems.Generators.Math;

/// <summary>The problems the family tests check: 200 seeds at each difficulty, through the real runner.</summary>
internal static partial class MathSamples
{
    public const int Seeds = 200;

    public static TheoryData<int> Difficulties => [1, 2, 3, 4, 5];

    public static IProblemGenerator Generator(string name) => MathGenerators.All.Single(g => g.Name == name);

    public static IEnumerable<Problem> Of(string name, int difficulty)
    {
        var generator = Generator(name);
        return Enumerable.Range(0, Seeds).SelectMany(seed => GeneratorRunner.Generate(generator, seed, difficulty, 1)).ToList();
    }

    /// <summary>Reads numbers the way a consumer of the JSON would, whatever CLR type the generator stored.</summary>
    public static long Long(this Problem problem, string key) => ParseLong(problem.Metadata![key]!);

    public static string Text(this Problem problem, string key) => problem.Metadata![key]!.GetValue<string>();

    public static long[] Longs(this Problem problem, string key) =>
        problem.Metadata![key]!.AsArray().Select(n => ParseLong(n!)).ToArray();

    public static JsonNode Meta(this Problem problem, string key) => problem.Metadata![key]!;

    private static long ParseLong(JsonNode node) => long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How the prompt shows an ASCII formula: <c>3*x - 1*y</c> is written <c>3x - y</c>.</summary>
    public static string DisplayForm(string ascii) => UnitCoefficient().Replace(ascii, "").Replace("*", "", StringComparison.Ordinal);

    /// <summary>Asserts the prompt mentions every number, as a whole number (not a digit run inside another).</summary>
    public static void AssertMentions(Problem problem, params long[] numbers)
    {
        foreach (var n in numbers)
        {
            var pattern = $@"(?<![\d]){System.Math.Abs(n)}(?![\d])";
            Assert.True(Regex.IsMatch(problem.Prompt, pattern), $"prompt does not mention {n}: {problem.Prompt}");
        }
    }

    [GeneratedRegex(@"(?<!\d)1\*")]
    private static partial Regex UnitCoefficient();
}
