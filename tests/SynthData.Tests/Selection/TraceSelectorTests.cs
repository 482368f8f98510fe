using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Selection;
using SynthData.Tests.TestSupport;
using SynthData.Verification;

namespace SynthData.Tests.Selection;

public sealed class TraceSelectorTests
{
    private static readonly Problem Problem = LedgerBuilder.Math("What is 6 times 7?", "42");

    private static LedgerAttempt Trace(int index, string content, int tokens) => new(
        Problem,
        new AttemptRecord
        {
            ProblemId = Problem.Id, SampleIndex = index, Model = "m", SamplingJson = "{}", MessagesJson = "[]",
            Content = content, FinishReason = "stop", CompletionTokens = tokens,
        },
        new Verdict { Accepted = true, Kind = VerdictKinds.Correct, Reason = "r", Verifier = "math", VerifierVersion = "1" });

    private static readonly LedgerAttempt[] Traces =
    [
        Trace(0, "Six times seven: 6 * 7 = 42. The answer is \\boxed{42}.", 300),
        Trace(1, "Six times seven: 6 * 7 = 42. So the answer is \\boxed{42}.", 120),
        Trace(2, "Count by sevens: 7, 14, 21, 28, 35, 42 after six steps. \\boxed{42}", 200),
        Trace(3, "6 * 7 = 42 \\boxed{42}", 40),
    ];

    private static int[] Pick(SelectionStrategy strategy, int keep, long seed = 1) =>
        [.. new TraceSelector(strategy, keep, seed).Select(Traces).Select(a => a.Attempt.SampleIndex)];

    [Fact]
    public void First_keeps_the_lowest_sample_indexes() => Assert.Equal([0, 1], Pick(SelectionStrategy.First, 2));

    [Fact]
    public void Shortest_keeps_the_fewest_tokens_in_sample_order() => Assert.Equal([1, 3], Pick(SelectionStrategy.Shortest, 2));

    [Fact]
    public void Distinct_avoids_the_near_copy_of_the_first_trace()
    {
        var picked = Pick(SelectionStrategy.Distinct, 2);
        Assert.Contains(0, picked);
        Assert.DoesNotContain(1, picked); // almost the same text as sample 0
    }

    [Fact]
    public void Random_is_seeded_and_stable()
    {
        Assert.Equal(Pick(SelectionStrategy.Random, 2, seed: 7), Pick(SelectionStrategy.Random, 2, seed: 7));
        var seen = Enumerable.Range(0, 20).Select(s => string.Join(',', Pick(SelectionStrategy.Random, 2, s))).Distinct().Count();
        Assert.True(seen > 1, "different seeds must be able to pick different traces");
        Assert.All(Enumerable.Range(0, 20), s => Assert.Equal(2, Pick(SelectionStrategy.Random, 2, s).Length));
    }

    [Fact]
    public void Fewer_candidates_than_k_keeps_all() =>
        Assert.Equal([0, 1, 2, 3], Pick(SelectionStrategy.Shortest, 10));
}
