using System.Text.Json;
using SynthData.Tests.TestSupport;
using SynthData.Verification.Math;

namespace SynthData.Tests.Verification.Math;

/// <summary>
/// Hugging Face Math-Verify's own test suite (Apache-2.0, copied into data/math-verify-suite with its licence): every
/// case it rejects we reject, and every case it accepts we accept except the listed, reasoned policy differences.
/// </summary>
public sealed class MathVerifySuiteTests
{
    private static readonly MathAnswerChecker Checker = new();

    private static List<(string Id, string Gold, string Pred, bool Expected)> Cases() =>
        [.. File.ReadLines(Path.Combine(RepoPaths.Root, "data", "math-verify-suite", "cases.jsonl")).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var row = doc.RootElement;
            return (row.GetProperty("id").GetString()!, row.GetProperty("gold").GetString()!,
                row.GetProperty("pred").GetString()!, row.GetProperty("expected").GetBoolean());
        })];

    private static Dictionary<string, string> Exclusions() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Verification", "Math", "math-verify-suite-exclusions.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);

    [Fact]
    public void Every_rejected_case_is_rejected()
    {
        var accepted = Cases().Where(c => !c.Expected)
            .Select(c => (c, Result: Checker.Check(c.Gold, c.Pred)))
            .Where(x => x.Result.Equivalent)
            .Select(x => $"{x.c.Id}: gold `{x.c.Gold}` accepted `{x.Result.Extracted}` ({x.Result.Reason})")
            .ToList();
        Assert.True(accepted.Count == 0, $"{accepted.Count} false accepts:\n{string.Join('\n', accepted)}");
    }

    [Fact]
    public void Every_accepted_case_is_accepted_except_the_listed_policy_differences()
    {
        var exclusions = Exclusions();
        var cases = Cases();
        var missed = cases.Where(c => c.Expected && !exclusions.ContainsKey(c.Id))
            .Select(c => (c, Result: Checker.Check(c.Gold, c.Pred)))
            .Where(x => !x.Result.Equivalent)
            .Select(x => $"{x.c.Id}: gold `{x.c.Gold}` vs extracted `{x.Result.Extracted}`: {x.Result.Reason}")
            .ToList();
        Assert.Equal(280, cases.Count);
        Assert.True(missed.Count == 0, $"{missed.Count} misses:\n{string.Join('\n', missed)}");
    }

    [Fact]
    public void The_exclusions_are_reasoned_true_cases_we_really_reject()
    {
        var byId = Cases().ToDictionary(c => c.Id);
        foreach (var (id, reason) in Exclusions())
        {
            Assert.True(byId.TryGetValue(id, out var c), $"{id} is not in the suite");
            Assert.True(c.Expected, $"{id} is a false case: it must be rejected, not excused");
            Assert.True(reason.Length >= 20, $"{id} needs a reason");
            // A listed case we now accept must leave the list, so the list never hides a change of policy.
            Assert.False(Checker.Check(c.Gold, c.Pred).Equivalent, $"{id} is accepted now: remove it from the exclusions");
        }
    }
}
