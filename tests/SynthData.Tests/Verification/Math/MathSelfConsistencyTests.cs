using System.Text.Json;
using SynthData.Tests.TestSupport;
using SynthData.Verification.Math;

namespace SynthData.Tests.Verification.Math;

/// <summary>
/// Every MATH test-set reference answer must be judged equivalent to its own worked solution (whose final answer is
/// the last \boxed{}). Misses we cannot explain away are listed, with reasons, in math-self-consistency-exclusions.txt.
/// </summary>
public sealed class MathSelfConsistencyTests
{
    [Fact]
    public void Every_reference_answer_matches_its_own_solution()
    {
        var checker = new MathAnswerChecker();
        var excluded = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Verification", "Math", "math-self-consistency-exclusions.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2)[0])
            .ToHashSet(StringComparer.Ordinal);
        var failures = new List<string>();
        var checkedRows = 0;
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.SharedDatasets, "math", "test.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var row = doc.RootElement;
            var id = row.GetProperty("unique_id").GetString()!;
            var answer = row.GetProperty("answer").GetString()!;
            var result = checker.Check(answer, row.GetProperty("solution").GetString()!);
            checkedRows++;
            if (!result.Equivalent && !excluded.Contains(id))
                failures.Add($"{id}: gold `{answer}` vs extracted `{result.Extracted}`: {result.Reason}");
        }
        Assert.Equal(5000, checkedRows);
        Assert.True(failures.Count == 0, $"{failures.Count} misses:\n{string.Join('\n', failures)}");
    }
}
