using SynthData.Config;
using SynthData.Filtering;
using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Ledger;

/// <summary>The duplicate judge's index kept in the ledger, on both stores: what a batch remembers is what it committed.</summary>
public sealed class LedgerDedupIndexTests : IDisposable
{
    private const string Original =
        "A farmer has 24 sheep and buys 3 more pens. Each pen holds 6 sheep and every sheep must be in a pen. " +
        "How many pens does the farmer need in total if he already owned 2 pens before buying the new ones?";

    private const string Reworded =
        "A farmer has 24 sheep and buys 3 more pens. Each pen holds 6 sheep and all sheep must be in a pen. " +
        "How many pens does the farmer need altogether if he already owned 2 pens before buying the new ones?";

    private const string Other =
        "Two pipes fill a tank. The first alone fills it in 6 hours and the second alone in 3 hours. Both are opened " +
        "at noon on an empty tank. At what time is the tank full if a leak drains a tenth of the tank every hour?";

    private const string OtherReworded =
        "Two pipes fill a tank. The first alone fills it in 6 hours and the second alone in 3 hours. Both are opened " +
        "at noon on an empty tank. At what time will the tank be full if a leak drains a tenth of the tank each hour?";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(TestLedgerStore.Sqlite)]
    [InlineData(TestLedgerStore.Postgres)]
    public void Kept_problems_are_remembered_across_batches_and_a_rolled_back_batch_is_forgotten(string kind)
    {
        using var store = new TestLedgerStore(kind, _dir.Path);
        using var ledger = store.Open();
        var run = ledger.StartRun("test", "h");
        var filter = new ProblemFilter(new DedupOptions(), null);
        var original = LedgerBuilder.Math(Original, "6");
        var other = LedgerBuilder.Math(Other, "2 pm");

        // A batch killed before its commit: what it judged and remembered must not outlive it.
        using (var intake = ledger.BeginIntake(run))
            Assert.Null(Session(filter, intake).Judge(other));

        using (var intake = ledger.BeginIntake(run))
        {
            Assert.Null(Session(filter, intake).Judge(original));
            intake.Add(original, "k");
            intake.Commit();
        }

        using (var intake = ledger.BeginIntake(run))
        {
            var index = intake.DedupIndex(filter.IndexLayout);
            Assert.Empty(index.Unindexed()); // the committed problem was indexed with its batch: nothing to hash again
            var session = filter.Start(index, []);
            var drop = session.Judge(LedgerBuilder.Math(Reworded, "6"));
            Assert.Equal(DropReasons.NearDuplicate, drop?.Reason);
            Assert.Equal(original.Id, drop!.Matched);
            Assert.StartsWith("A farmer has 24 sheep", drop.MatchedText, StringComparison.Ordinal);
            Assert.Null(session.Judge(LedgerBuilder.Math(OtherReworded, "2 pm"))); // the rolled-back copy is gone
        }
    }

    [Theory]
    [InlineData(TestLedgerStore.Sqlite)]
    [InlineData(TestLedgerStore.Postgres)]
    public void Another_filter_layout_rebuilds_the_index_from_the_ledgers_problems(string kind)
    {
        using var store = new TestLedgerStore(kind, _dir.Path);
        using var ledger = store.Open();
        var run = ledger.StartRun("test", "h");
        var original = LedgerBuilder.Math(Original, "6");
        var loose = new ProblemFilter(new DedupOptions { NearThreshold = 0.7 }, null);
        using (var intake = ledger.BeginIntake(run))
        {
            Assert.Null(Session(loose, intake).Judge(original));
            intake.Add(original, "k");
            intake.Commit();
        }

        // Other shingles: the stored signatures and bands mean nothing to this filter, so it indexes the ledger afresh.
        var other = new ProblemFilter(new DedupOptions { ShingleSize = 2 }, null);
        Assert.NotEqual(loose.IndexLayout, other.IndexLayout);
        using (var intake = ledger.BeginIntake(run))
        {
            var index = intake.DedupIndex(other.IndexLayout);
            var unindexed = index.Unindexed().ToList();
            Assert.Equal([original.Id], unindexed.Select(p => p.Id));
            var session = other.Start(index, unindexed);
            Assert.Equal(original.Id, session.Judge(LedgerBuilder.Math(Reworded, "6"))?.Matched);
        }
    }

    private static ProblemFilter.Session Session(ProblemFilter filter, LedgerIntake intake)
    {
        var index = intake.DedupIndex(filter.IndexLayout);
        return filter.Start(index, index.Unindexed());
    }
}
