using System.Text.Json;
using System.Text.RegularExpressions;
using SynthData.Common;
using SynthData.Problems;
using SynthData.Problems.Generators.Math;

namespace SynthData.Tests.Problems.Generators.Math;

public sealed partial class MathGeneratorContractTests
{
    public static TheoryData<string> Names => [.. MathGenerators.All.Select(g => g.Name)];

    [Fact]
    public void All_families_are_registered_with_five_levels()
    {
        string[] expected = ["arithmetic", "combinatorics", "fractions", "gcd_lcm", "linear_equation", "linear_system", "modular_arithmetic", "percent_ratio", "quadratic_roots"];
        Assert.Equal(expected, MathGenerators.All.Select(g => g.Name).Order(StringComparer.Ordinal));
        Assert.All(MathGenerators.All, g =>
        {
            Assert.Equal(ProblemDomain.Math, g.Domain);
            Assert.Equal(5, g.MaxDifficulty);
            Assert.False(string.IsNullOrWhiteSpace(g.Description));
            Assert.True(GeneratorCatalog.TryGet(g.Name, out _));
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Same_seed_gives_identical_problems_and_other_seeds_differ(string name)
    {
        var generator = MathSamples.Generator(name);
        for (var difficulty = 1; difficulty <= generator.MaxDifficulty; difficulty++)
        {
            var first = Serialize(GeneratorRunner.Generate(generator, 42, difficulty, 20));
            var again = Serialize(GeneratorRunner.Generate(generator, 42, difficulty, 20));
            var other = Serialize(GeneratorRunner.Generate(generator, 43, difficulty, 20));
            Assert.Equal(first, again);
            Assert.NotEqual(first, other);
            // A fresh generator object must not carry state between calls either.
            var direct = generator.Generate(SeededRandom.ForItem(42, 3, "x"), difficulty);
            Assert.Equal(JsonSerializer.Serialize(direct), JsonSerializer.Serialize(generator.Generate(SeededRandom.ForItem(42, 3, "x"), difficulty)));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Problems_are_mostly_distinct(string name)
    {
        var generator = MathSamples.Generator(name);
        for (var difficulty = 1; difficulty <= generator.MaxDifficulty; difficulty++)
        {
            var ids = GeneratorRunner.Generate(generator, 7, difficulty, 100).Select(p => p.Id).ToList();
            Assert.True(ids.Distinct().Count() >= 50, $"{name} level {difficulty}: only {ids.Distinct().Count()} distinct problems of 100");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Solution_ends_with_the_boxed_answer_in_a_checkable_format(string name)
    {
        for (var difficulty = 1; difficulty <= 5; difficulty++)
        {
            foreach (var problem in MathSamples.Of(name, difficulty))
            {
                Assert.Matches(AnswerFormat(), problem.Answer);
                Assert.EndsWith($"\\boxed{{{problem.Answer}}}", problem.Solution, StringComparison.Ordinal);
                Assert.True(problem.Solution!.Split('\n').Length >= 2, "the solution shows at least one step");
                Assert.DoesNotContain("\\boxed", problem.Prompt, StringComparison.Ordinal);
                Assert.NotNull(problem.Metadata);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Prompts_use_several_templates(string name)
    {
        var openings = Enumerable.Range(1, 5)
            .SelectMany(d => GeneratorRunner.Generate(MathSamples.Generator(name), 11, d, 40))
            .Select(p => string.Join(' ', p.Prompt.Split(' ').Take(2)))
            .Distinct()
            .Count();
        Assert.True(openings >= 3, $"{name} has only {openings} distinct prompt openings");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Difficulty_outside_one_to_five_is_rejected(string name)
    {
        var generator = MathSamples.Generator(name);
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(new SeededRandom(1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(new SeededRandom(1), 6));
    }

    /// <summary>
    /// Pinned ids: the generators use only SeededRandom, exact integer arithmetic and invariant formatting, so these
    /// hold on every machine. A change here means every previously generated problem changed identity.
    /// </summary>
    [Theory]
    [InlineData("arithmetic", 1, 4, "e3fa046b120a1473")]
    [InlineData("quadratic_roots", 2, 2, "2356685941a797ab")]
    [InlineData("percent_ratio", 3, 5, "6c0e8f40457e73fa")]
    public void Generated_ids_are_stable(string name, long seed, int difficulty, string id)
    {
        Assert.Equal(id, GeneratorRunner.Generate(MathSamples.Generator(name), seed, difficulty, 1).Single().Id);
    }

    private static string Serialize(IEnumerable<Problem> problems) => JsonSerializer.Serialize(problems.ToList());

    /// <summary>An integer, a reduced-looking fraction, a pair, or a list of such numbers.</summary>
    [GeneratedRegex(@"^(-?\d+(/\d+)?|\(-?\d+(/\d+)?, -?\d+(/\d+)?\)|-?\d+(/\d+)?(, -?\d+(/\d+)?)*)$")]
    private static partial Regex AnswerFormat();
}
