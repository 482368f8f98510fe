using SynthData.Config;
using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Selection.Quality;
using SynthData.Tests.TestSupport;
using SynthData.Verification;

namespace SynthData.Tests.Selection.Quality;

/// <summary>Each quality filter fires on the trace it is for and stays quiet on a clean one.</summary>
public sealed class TraceQualityFilterTests
{
    private static readonly Problem Problem = LedgerBuilder.Math("Tom has 3 apples and buys 4 more. How many apples does he have?", "7");

    private const string Clean = "<think>\nTom starts with 3 apples. He buys 4 more, so he has 3 + 4 = 7 apples.\n</think>\n\nThe answer is $\\boxed{7}$.";

    private static LedgerAttempt Trace(string content, int tokens = 40, string finish = "stop", string? reasoning = null, Problem? problem = null) => new(
        problem ?? Problem,
        new AttemptRecord
        {
            ProblemId = (problem ?? Problem).Id, SampleIndex = 0, Model = "m", SamplingJson = "{}", MessagesJson = "[]",
            Content = content, ReasoningContent = reasoning, FinishReason = finish, CompletionTokens = tokens,
        },
        new Verdict { Accepted = true, Kind = VerdictKinds.Correct, Reason = "r", Verifier = "math", VerifierVersion = "1" });

    private static string? Reject(LedgerAttempt a, Action<FilterOptions>? configure = null)
    {
        var options = new FilterOptions();
        configure?.Invoke(options);
        return new TraceQualityFilter(options).Reject(a);
    }

    [Fact]
    public void Clean_trace_passes_every_default_filter() => Assert.Null(Reject(Trace(Clean)));

    [Fact]
    public void Truncated_output_is_never_kept()
    {
        Assert.Equal(QualityReasons.Truncated, Reject(Trace(Clean, finish: "length")));
        Assert.Null(Reject(Trace(Clean, finish: "stop")));
    }

    [Fact]
    public void Token_bounds()
    {
        Assert.Equal(QualityReasons.TooShort, Reject(Trace(Clean, tokens: 9), o => o.MinTokens = 10));
        Assert.Null(Reject(Trace(Clean, tokens: 10), o => o.MinTokens = 10));
        Assert.Equal(QualityReasons.TooLong, Reject(Trace(Clean, tokens: 101), o => o.MaxTokens = 100));
        Assert.Null(Reject(Trace(Clean, tokens: 100), o => o.MaxTokens = 100));
    }

    [Fact]
    public void Required_think_format()
    {
        Assert.Equal(QualityReasons.MissingThink, Reject(Trace("3 + 4 = 7, so the answer is \\boxed{7}."), o => o.RequireThink = true));
        Assert.Equal(QualityReasons.MissingThink, Reject(Trace("<think>\n3 + 4 = 7\n</think>\n\n"), o => o.RequireThink = true));
        Assert.Null(Reject(Trace(Clean), o => o.RequireThink = true));
        Assert.Null(Reject(Trace("The answer is \\boxed{7}.", reasoning: "3 + 4 = 7"), o => o.RequireThink = true));
        Assert.Null(Reject(Trace("3 + 4 = 7, so the answer is \\boxed{7}.")));
    }

    [Fact]
    public void Mixed_language_reasoning()
    {
        var drifted = "<think>\nTom starts with 3 apples. 他又买了四个苹果, so he has 3 + 4 = 7 apples.\n</think>\n\nThe answer is $\\boxed{7}$.";
        Assert.Equal(QualityReasons.MixedLanguage, Reject(Trace(drifted)));
        Assert.Null(Reject(Trace(drifted), o => o.MixedLanguage = false));
        // Greek letters are math, and a script the prompt itself uses is allowed.
        Assert.Null(Reject(Trace("<think>\nLet θ be the angle; α + β = π, so 3 + 4 = 7.\n</think>\n\n\\boxed{7}")));
        var chinesePrompt = LedgerBuilder.Math("小明有3个苹果, 又买了4个. How many apples?", "7");
        Assert.Null(Reject(Trace("<think>\n小明 has 3 + 4 = 7 apples.\n</think>\n\n\\boxed{7}", problem: chinesePrompt)));
        // A Chinese trace is fine as a whole; it is the switch that counts.
        Assert.Null(Reject(Trace("<think>\n小明有三个苹果，又买了四个，一共七个。\n</think>\n\n\\boxed{7}")));
    }

    [Fact]
    public void Degenerate_repetition()
    {
        var loop = "<think>\nTom starts with 3 apples. " + string.Concat(Enumerable.Repeat("Wait, let me add them again. ", 30)) + "\n</think>\n\n\\boxed{7}";
        Assert.Equal(QualityReasons.Repetition, Reject(Trace(loop)));
        Assert.Null(Reject(Trace(loop), o => o.MaxRepeatedNgramRatio = null));
        Assert.True(Repetition.RepeatedRatio(loop, 4) > 0.8);
        // A real worked solution (GSM8K style) repeats numbers and words, not whole phrases.
        const string Worked = "Natalia sold 48/2 = 24 clips in May. Natalia sold 48+24 = 72 clips altogether in April and May. " +
            "In April she sold 48 clips to her friends, and in May she sold half as many, which is 24 clips. Adding the two months " +
            "together gives the total number of clips she sold over both months.";
        Assert.Null(Reject(Trace($"<think>\n{Worked}\n</think>\n\n\\boxed{{72}}")));
        Assert.True(Repetition.RepeatedRatio(Worked, 4) < 0.2);
    }

    [Fact]
    public void Hedging_between_answers()
    {
        Assert.Equal(QualityReasons.Hedging, Reject(Trace("<think>\n3 + 4 = 7\n</think>\n\nThe answer is $\\boxed{7}$, or possibly $\\boxed{8}$.")));
        Assert.Equal(QualityReasons.Hedging, Reject(Trace("<think>\n3 + 4 = 7\n</think>\n\n\\boxed{7} \\boxed{12}")));
        Assert.Equal(QualityReasons.Hedging, Reject(Trace("<think>\nhmm\n</think>\n\nIt is 7, though it could also be 12.")));
        Assert.Null(Reject(Trace("<think>\n3 + 4 = 7\n</think>\n\nThe answer is $\\boxed{7}$, or possibly $\\boxed{8}$."), o => o.Hedging = false));
        // Weighing alternatives inside the reasoning is normal; so is repeating the same boxed answer, or several roots in one box.
        Assert.Null(Reject(Trace("<think>\nIt might be 8, or possibly 6... no: 3 + 4 = 7.\n</think>\n\nSo \\boxed{7}. Final: \\boxed{ 7 }")));
        Assert.Null(Reject(Trace("<think>\nx^2 - 5x + 6 = 0 factors.\n</think>\n\nThe roots are \\boxed{2, 3}.")));
    }
}
