using SynthData.Config;
using SynthData.Filtering;
using SynthData.Filtering.Index;
using SynthData.Problems;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Filtering;

public sealed class MinHashTests
{
    private const string Original =
        "Janet's ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends " +
        "every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in " +
        "dollars does she make every day at the farmers' market?";

    // A few words changed, as a paraphrasing dataset or a careless copy would.
    private const string Reworded =
        "Janet's ducks lay 16 eggs each day. She eats three for breakfast every morning and bakes muffins for her friends " +
        "every day with four. She sells the rest at the farmers' market daily for $2 per fresh duck egg. How many " +
        "dollars does she make every day at the farmers' market?";

    private const string Unrelated =
        "A train leaves the station at 3 pm travelling at 60 miles per hour. A second train leaves the same station an hour " +
        "later at 80 miles per hour on a parallel track. At what time does the second train catch up with the first?";

    private static readonly MinHasher Hasher = new(128, 3);

    [Fact]
    public void Estimates_high_similarity_for_a_reworded_copy_and_low_for_an_unrelated_problem()
    {
        Assert.InRange(MinHasher.Similarity(Hasher.Signature(Original), Hasher.Signature(Reworded)), 0.7, 0.95);
        Assert.InRange(MinHasher.Similarity(Hasher.Signature(Original), Hasher.Signature(Unrelated)), 0.0, 0.1);
        Assert.Equal(1.0, MinHasher.Similarity(Hasher.Signature(Original), Hasher.Signature(Original.ToUpperInvariant())));
    }

    [Fact]
    public void Lsh_index_returns_the_near_duplicate_as_a_candidate_but_not_the_unrelated_problem()
    {
        var bands = new LshBands(128, 0.7);
        var index = new MemoryDedupIndex();
        index.Add(new DedupEntry("original", 1, null, Original), bands.Keys(Hasher.Signature(Original), 1), Hasher.Signature(Original));
        index.Add(new DedupEntry("unrelated", 1, null, Unrelated), bands.Keys(Hasher.Signature(Unrelated), 1), Hasher.Signature(Unrelated));
        Assert.Equal(["original"], index.Candidates(bands.Keys(Hasher.Signature(Reworded), 1)).Select(c => c.Entry.ProblemId));
        Assert.Empty(index.Candidates(bands.Keys(Hasher.Signature(Reworded), 2))); // another group never becomes a candidate
    }

    [Fact]
    public void Problem_filter_drops_the_near_duplicate_across_sources_and_keeps_the_unrelated_problem()
    {
        var original = LedgerBuilder.Math(Original, "18", "gsm8k_train.jsonl");
        var reworded = LedgerBuilder.Math(Reworded, "18", "paraphrases.jsonl");
        var unrelated = LedgerBuilder.Math(Unrelated, "7 pm", "paraphrases.jsonl");
        var result = new ProblemFilter(new DedupOptions(), null).Apply([original, reworded, unrelated], []);
        Assert.Equal([original.Id, unrelated.Id], result.Kept.Select(p => p.Id));
        var drop = Assert.Single(result.Dropped);
        Assert.Equal(DropReasons.NearDuplicate, drop.Reason);
        Assert.Equal(original.Id, drop.Matched);
        Assert.InRange(drop.Score, 0.7, 1.0);
    }

    [Fact]
    public void Near_duplicates_are_found_against_problems_already_in_the_ledger()
    {
        var earlier = LedgerBuilder.Math(Original, "18");
        var now = LedgerBuilder.Math(Reworded, "18");
        var result = new ProblemFilter(new DedupOptions(), null).Apply([earlier, now], [earlier]);
        Assert.Equal([earlier.Id], result.Kept.Select(p => p.Id)); // the ledger's own copy stays
        Assert.Equal(earlier.Id, Assert.Single(result.Dropped).Matched);
    }

    [Fact]
    public void A_templated_problem_with_other_numbers_is_a_different_problem()
    {
        var a = LedgerBuilder.Math("A shop sells pens at 3 dollars each. Sara buys 5 pens and pays with a 20 dollar bill. How much change does she get?", "5");
        var b = LedgerBuilder.Math("A shop sells pens at 2 dollars each. Sara buys 5 pens and pays with a 20 dollar bill. How much change does she get?", "10");
        Assert.Equal(2, new ProblemFilter(new DedupOptions(), null).Apply([a, b], []).Kept.Count);
        Assert.Single(new ProblemFilter(new DedupOptions { RequireSameAnswer = false }, null).Apply([a, b], []).Kept);
    }

    [Fact]
    public void Exact_dedup_ignores_case_and_whitespace_and_can_be_switched_off()
    {
        var a = LedgerBuilder.Math("What is 2 + 2?", "4");
        var b = LedgerBuilder.Math("what is   2+2?", "4");
        var c = LedgerBuilder.Math("What is 2 - 2?", "0");
        var result = new ProblemFilter(new DedupOptions(), null).Apply([a, b, c], []);
        Assert.Equal([a.Id, c.Id], result.Kept.Select(p => p.Id));
        Assert.Equal(DropReasons.ExactDuplicate, Assert.Single(result.Dropped).Reason);
        Assert.Equal(3, new ProblemFilter(new DedupOptions { Exact = false, NearThreshold = null }, null).Apply([a, b, c], []).Kept.Count);
    }

    [Fact]
    public void Code_and_math_problems_are_never_duplicates_of_each_other()
    {
        var math = LedgerBuilder.Math("Return the sum of the two numbers 3 and 4.", "7");
        var code = math with { Id = "code1", Domain = ProblemDomain.Code, Answer = null, Tests = "assert f() == 7" };
        Assert.Equal(2, new ProblemFilter(new DedupOptions(), null).Apply([math, code], []).Kept.Count);
    }
}
