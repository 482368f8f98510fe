using System.Text.Json;
using SynthData.Verification.Math;

namespace SynthData.Tests.Verification.Math;

/// <summary>
/// The labelled suite: gold/prediction pairs across every answer category, a third of them near misses that must
/// be rejected. The data lives in equivalence-cases.jsonl next to this file.
/// </summary>
public sealed class EquivalenceSuiteTests
{
    private static readonly MathAnswerChecker Checker = new();

    public static TheoryData<string, string, string, bool> Cases() => Load("equivalence-cases.jsonl");

    /// <summary>A labelled file of <c>{"category", "gold", "pred", "equivalent"}</c> lines next to these tests.</summary>
    internal static TheoryData<string, string, string, bool> Load(string file)
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Verification", "Math", file)))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            data.Add(root.GetProperty("category").GetString()!, root.GetProperty("gold").GetString()!,
                root.GetProperty("pred").GetString()!, root.GetProperty("equivalent").GetBoolean());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Labelled_case_is_judged_as_labelled(string category, string gold, string pred, bool equivalent) =>
        AssertJudged(category, gold, pred, equivalent);

    internal static void AssertJudged(string category, string gold, string pred, bool equivalent)
    {
        var result = Checker.Check(gold, pred);
        Assert.True(result.Equivalent == equivalent,
            $"[{category}] gold `{gold}` vs pred `{pred}`: expected {(equivalent ? "equivalent" : "not equivalent")}, got {result.Outcome} ({result.Reason})");
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void Suite_is_large_and_at_least_a_third_negative()
    {
        var cases = Cases().Select(row => (bool)row[3]).ToList();
        Assert.True(cases.Count >= 300, $"{cases.Count} cases");
        Assert.True(cases.Count(e => !e) * 3 >= cases.Count, $"{cases.Count(e => !e)} negatives of {cases.Count}");
    }
}
