namespace SynthData.Tests.Verification.Math;

/// <summary>
/// Our own labelled cases for what verifier math-3 added to extraction and equivalence (and math-4 tightened) (math3-cases.jsonl): per class, answers it
/// must accept and near misses it must reject — the wrong value in the same form, hedged or doubled answers,
/// differing units, a value from another turn or another clause. A wrong accept is a bug in the verifier.
/// </summary>
public sealed class Math3CasesTests
{
    private const string File = "math3-cases.jsonl";

    public static TheoryData<string, string, string, bool> Cases() => EquivalenceSuiteTests.Load(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Math3_case_is_judged_as_labelled(string category, string gold, string pred, bool equivalent) =>
        EquivalenceSuiteTests.AssertJudged(category, gold, pred, equivalent);

    [Fact]
    public void Every_class_has_several_accepts_and_several_rejects()
    {
        var byClass = Cases().GroupBy(row => (string)row[0], row => (bool)row[3]).ToList();
        Assert.True(byClass.Count >= 15, $"{byClass.Count} classes");
        Assert.All(byClass, g =>
        {
            Assert.True(g.Count(e => e) >= 2, $"{g.Key}: {g.Count(e => e)} must-accept cases");
            Assert.True(g.Count(e => !e) >= 2, $"{g.Key}: {g.Count(e => !e)} must-reject cases");
        });
    }
}
