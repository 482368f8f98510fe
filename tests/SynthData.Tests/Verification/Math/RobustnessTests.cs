using System.Diagnostics;
using SynthData.Common;
using SynthData.Verification.Math;
using SynthData.Verification.Math.Evaluation;

namespace SynthData.Tests.Verification.Math;

/// <summary>Adversarial inputs must come back with a verdict, quickly, on any thread, without throwing.</summary>
public sealed class RobustnessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    public static TheoryData<string, string> Adversarial() => new()
    {
        { @"5^{5^{5^{5^5}}}", @"5^{5^{5^{5^4}}}" },
        { @"9^{9^{9^{9^{9^9}}}}", @"9^{9^{9^{9^{9^9}}}}+1" },
        { @"\log_{2^5}(\log_{2^4}(\log_{2^3}(\log_{2^2}(2^{2^{2^{2^{2}}}}))))", "1" },
        { @"\log(\log(\log(\log(\log(\log(\log(\log(10^{10^{10}}))))))))", "0" },
        { @"2^{10^{10}}", @"2^{10^{10}}+1" },
        { @"10^{-10^{9}}", "0" },
        { @"(10^{6})!", @"(10^6)! + 1" },
        { @"\binom{10^{9}}{5 \cdot 10^{8}}", "1" },
        { new string('(', 10_000) + "1" + new string(')', 10_000), "2" },
        { @"\boxed{" + new string('{', 10_000) + "1" + new string('}', 10_000) + "}", "2" },
        { string.Concat(Enumerable.Repeat(@"\frac{1}{", 5_000)) + "2" + new string('}', 5_000), "1" },
        { string.Concat(Enumerable.Repeat(@"\sqrt{", 5_000)) + "2" + new string('}', 5_000), "1" },
        { string.Concat(Enumerable.Repeat("-", 20_000)) + "1", "1" },
        { string.Join("^", Enumerable.Repeat("2", 5_000)), "4" },
        { string.Join("+", Enumerable.Repeat("x", 20_000)), "20000x" },
        { "(" + string.Join("+", Enumerable.Range(0, 40).Select(i => "x_" + i)) + ")^{40}", "1" },
        { string.Join(", ", Enumerable.Range(0, 3_000)), string.Join(", ", Enumerable.Range(0, 3_000).Reverse()) },
        { string.Concat(Enumerable.Repeat(@"\text{", 5_000)) + "a" + new string('}', 5_000), "b" },
        { "1", "The answer is " + new string('$', 100_000) },
        { "1", string.Concat(Enumerable.Repeat(@"\[ x \] ", 20_000)) },
        { "1", new string('9', 100_000) },
        { "1", "1e999999" },
        { "1", @"\frac{1}{0}" },
        { "0", @"0^{-1}" },
    };

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void Adversarial_input_gets_a_verdict_within_the_deadline(string gold, string pred)
    {
        var checker = new MathAnswerChecker(new MathVerifierOptions { Timeout = Deadline });
        var started = Stopwatch.GetTimestamp();
        var result = checker.Check(gold, pred);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.True(elapsed < Deadline + TimeSpan.FromSeconds(1), $"took {elapsed.TotalMilliseconds:F0} ms");
        Assert.False(result.Equivalent, result.Reason);
        Assert.DoesNotContain("checker error", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_budget_fires_on_any_thread()
    {
        var outcome = await Task.Run(() =>
        {
            var budget = new CheckBudget(TimeSpan.FromMilliseconds(20));
            var started = Stopwatch.GetTimestamp();
            try
            {
                while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5))
                    budget.Tick();
                return "never fired";
            }
            catch (CheckBudgetExceededException)
            {
                return Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1) ? "fired" : "fired late";
            }
        });
        Assert.Equal("fired", outcome);
    }

    [Fact]
    public void A_check_that_runs_out_of_time_is_not_equivalent_and_says_so()
    {
        // 3000! twice over, exactly, then a 300-term sum at random points: far more than one millisecond of work, and
        // within the lexer's token cap (a longer input would be refused as too big before the clock mattered).
        var heavy = @"\frac{3000!}{2999!} + " + string.Join("+", Enumerable.Range(0, 300).Select(i => $"\\sin(x+{i})"));
        var checker = new MathAnswerChecker(new MathVerifierOptions { Timeout = TimeSpan.FromMilliseconds(1) });
        var result = checker.Check(heavy, $"\\boxed{{{heavy}+0}}");
        Assert.False(result.Equivalent);
        Assert.Contains("deadline", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_latex_never_throws_and_verdicts_are_deterministic()
    {
        string[] atoms =
        [
            "1", "2", "0", "x", "y", "e", "i", @"\pi", "+", "-", "*", "/", "^", "_", "(", ")", "[", "]", "{", "}", @"\{", @"\}",
            ",", "=", "<", @"\le", @"\frac", @"\sqrt", @"\boxed{", @"\text{", " and ", @"\pm", "!", "%", @"\infty", @"\cup", "|",
            @"\log", @"\sin", @"^\circ", @"\begin{pmatrix}", @"\end{pmatrix}", "&", @"\\", ".5", "1,000", @"\left(", @"\right)",
            "$", "10_2", @"\binom", "A", "(B)", " or ", @"\in", "1e5", ":", "</think>", "Answer:", @"\dfrac12",
        ];
        var random = new SeededRandom(20251129);
        string Generate()
        {
            var parts = new string[random.Next(1, 14)];
            for (var j = 0; j < parts.Length; j++)
                parts[j] = random.Pick(atoms);
            return string.Concat(parts);
        }
        var pairs = Enumerable.Range(0, 3_000).Select(_ => (Gold: Generate(), Pred: Generate())).ToList();
        var checker = new MathAnswerChecker();
        var sequential = pairs.Select(p => checker.Check(p.Gold, p.Pred)).ToList();
        var parallel = new MathCheckResult[pairs.Count];
        Parallel.For(0, pairs.Count, i => parallel[i] = checker.Check(pairs[i].Gold, pairs[i].Pred));
        for (var i = 0; i < pairs.Count; i++)
        {
            Assert.DoesNotContain("checker error", sequential[i].Reason, StringComparison.Ordinal);
            Assert.Equal(sequential[i], parallel[i]);
        }
    }
}
