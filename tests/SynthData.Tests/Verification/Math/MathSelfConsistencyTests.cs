using System.Text.Json;
using System.Text.RegularExpressions;
using SynthData.Tests.TestSupport;
using SynthData.Verification.Math;

namespace SynthData.Tests.Verification.Math;

/// <summary>
/// Checks over the 5,000 MATH test-set reference answers. Every reference must match its own worked solution
/// (whose final answer is the last \boxed{}); misses we cannot explain away are listed, with reasons, in
/// math-self-consistency-exclusions.txt. The same answers drive a recall test on the full parse path and a
/// precision test with near misses made from each answer.
/// </summary>
public sealed partial class MathSelfConsistencyTests
{
    private static readonly MathAnswerChecker Checker = new();

    private static List<(string Id, string Answer, string Solution)> Rows() =>
        [.. SynthData.Problems.Datasets.DatasetFile.ReadLines(RepoPaths.MathTest).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var row = doc.RootElement;
            return (row.GetProperty("unique_id").GetString()!, row.GetProperty("answer").GetString()!, row.GetProperty("solution").GetString()!);
        })];

    [Fact]
    public void Every_reference_answer_matches_its_own_solution()
    {
        var excluded = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Verification", "Math", "math-self-consistency-exclusions.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2)[0])
            .ToHashSet(StringComparer.Ordinal);
        var rows = Rows();
        var failures = new List<string>();
        foreach (var (id, answer, solution) in rows)
        {
            var result = Checker.Check(answer, solution);
            if (!result.Equivalent && !excluded.Contains(id))
                failures.Add($"{id}: gold `{answer}` vs extracted `{result.Extracted}`: {result.Reason}");
        }
        Assert.Equal(5000, rows.Count);
        Assert.True(failures.Count == 0, $"{failures.Count} misses:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Every_reference_answer_matches_itself_through_the_full_parse_path()
    {
        // Extra braces mean nothing in LaTeX but defeat the identical-string shortcut.
        var failures = Rows()
            .Select(r => (r.Answer, Result: Checker.Check(r.Answer, $"so the answer is $\\boxed{{{{{r.Answer}}}}}$.")))
            .Where(x => !x.Result.Equivalent)
            .Select(x => $"`{x.Answer}`: {x.Result.Reason}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Near_misses_of_every_reference_answer_are_rejected()
    {
        var accepted = new List<string>();
        var tried = 0;
        foreach (var (_, answer, _) in Rows())
        {
            foreach (var nearMiss in NearMisses(answer))
            {
                tried++;
                var result = Checker.Check(answer, $"The answer is $\\boxed{{{nearMiss}}}$.");
                if (result.Equivalent)
                    accepted.Add($"`{answer}` accepted `{nearMiss}`: {result.Reason}");
            }
        }
        Assert.True(tried > 10_000, $"only {tried} near misses");
        Assert.True(accepted.Count == 0, $"{accepted.Count} near misses accepted:\n{string.Join('\n', accepted)}");
    }

    /// <summary>
    /// Changes that always change the answer: a digit (outside unit text, whose powers we ignore), the sign of a
    /// non-zero value, the order of a pair, an inverted fraction, a dropped list item.
    /// </summary>
    private static IEnumerable<string> NearMisses(string answer)
    {
        var digits = Digit().Matches(answer);
        if (digits.Count > 0 && !answer.Contains(@"\text", StringComparison.Ordinal) && !answer.Contains(@"\mbox", StringComparison.Ordinal))
        {
            var last = digits[^1].Index;
            yield return answer[..last] + (char)('0' + (answer[last] - '0' + 1) % 10) + answer[(last + 1)..];
        }
        if (answer != "0" && !answer.Contains('=') && !answer.Contains(',') && !answer.Contains(@"\pm", StringComparison.Ordinal))
            yield return answer.StartsWith('-') ? answer[1..] : "-(" + answer + ")";
        if (Pair().Match(answer) is { Success: true } pair && pair.Groups[1].Value.Trim() != pair.Groups[2].Value.Trim())
            yield return $"({pair.Groups[2].Value},{pair.Groups[1].Value})";
        if (SimpleFraction().Match(answer) is { Success: true } fraction && fraction.Groups[1].Value != fraction.Groups[2].Value)
            yield return answer.Replace(fraction.Value, $@"\frac{{{fraction.Groups[2].Value}}}{{{fraction.Groups[1].Value}}}", StringComparison.Ordinal);
        if (answer.Contains(", ", StringComparison.Ordinal) && !answer.StartsWith('(') && !answer.StartsWith('[') && !answer.StartsWith(@"\begin", StringComparison.Ordinal))
            yield return answer[..answer.LastIndexOf(", ", StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    [GeneratedRegex(@"^\(([^,()]+),([^,()]+)\)$")]
    private static partial Regex Pair();

    [GeneratedRegex(@"\\frac\{(-?\d+)\}\{(\d+)\}")]
    private static partial Regex SimpleFraction();
}
