using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;

namespace SynthData.Tests.Logic;

/// <summary>
/// What every logic family must hold, for every level over many seeds: the reference response checks with score 1
/// (also after a JSON round trip of the instance), a corrupted response is rejected with a score below 1, generation
/// is deterministic, and junk responses are rejected without throwing. A family's test class derives from this and
/// supplies how to corrupt a reference response (one move or cell changed), plus its own independent checks.
/// </summary>
public abstract class LogicFamilyContract(ILogicFamily family)
{
    protected ILogicFamily Family { get; } = family;

    /// <summary>Seeds per level; families whose reference solver is slow at level 5 may lower it (never below 50).</summary>
    protected virtual int SeedsPerLevel => 200;

    /// <summary>A response to <paramref name="puzzle"/> that breaks exactly one thing (a move, a cell, a value).</summary>
    protected abstract string Corrupt(LogicPuzzle puzzle, SeededRandom rng);

    protected static LogicPuzzle Make(ILogicFamily family, long seed, int level) =>
        family.Generate(SeededRandom.ForItem(seed, 0, family.Name), level);

    public static IEnumerable<object[]> Levels() => Enumerable.Range(1, 5).Select(l => new object[] { l });

    [Theory]
    [MemberData(nameof(Levels))]
    public void Reference_solutions_are_accepted_and_corruptions_rejected(int level)
    {
        var failures = new List<string>();
        for (var seed = 0; seed < SeedsPerLevel && failures.Count < 5; seed++)
        {
            var puzzle = Make(Family, seed, level);
            var roundTripped = JsonNode.Parse(puzzle.Instance.ToJsonString())!.AsObject();
            var ok = Family.Check(roundTripped, puzzle.ReferenceResponse);
            if (!ok.Accepted || ok.Score != 1.0)
                failures.Add($"seed {seed}: reference rejected ({ok.Score}): {ok.Reason}");
            var bad = Family.Check(roundTripped, Corrupt(puzzle, SeededRandom.ForItem(seed, 1, "corrupt")));
            if (bad.Accepted || bad.Score >= 1.0 || bad.Score < 0)
                failures.Add($"seed {seed}: corruption accepted or scored {bad.Score}: {bad.Reason}");
        }
        Assert.True(failures.Count == 0, $"{Family.Name} level {level}:\n" + string.Join('\n', failures));
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Generation_is_deterministic(int level)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var a = Make(Family, seed, level);
            var b = Make(Family, seed, level);
            Assert.Equal(a.Prompt, b.Prompt);
            Assert.Equal(a.Instance.ToJsonString(), b.Instance.ToJsonString());
            Assert.Equal(a.ReferenceResponse, b.ReferenceResponse);
        }
        Assert.NotEqual(Make(Family, 1, level).Instance.ToJsonString(), Make(Family, 2, level).Instance.ToJsonString());
    }

    [Fact]
    public void Junk_responses_are_rejected_without_throwing()
    {
        var puzzle = Make(Family, 7, 3);
        foreach (var junk in new[] { "", "I don't know.", "```\n\n```", "```\n" + new string('x', 10_000) + "\n```",
                     "```\n-1 -1 -1\n999999999999999999999 0\n```", "<think>" + puzzle.ReferenceResponse + "</think>no answer" })
        {
            var verdict = Family.Check(puzzle.Instance, junk);
            Assert.False(verdict.Accepted, $"{Family.Name} accepted junk: {junk[..Math.Min(40, junk.Length)]}");
            Assert.InRange(verdict.Score, 0, 0.99);
        }
    }

    [Fact]
    public void Prompt_states_the_answer_format_and_levels_are_listed()
    {
        Assert.Equal(5, Family.MaxDifficulty);
        Assert.Matches("^[a-z][a-z0-9_]*$", Family.Name);
        var puzzle = Make(Family, 3, 1);
        Assert.Contains("```", puzzle.Prompt);
        Assert.Equal(Family.Name, puzzle.Instance["family"]?.GetValue<string>());
    }
}
