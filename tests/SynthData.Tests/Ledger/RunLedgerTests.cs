using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Tests.TestSupport;
using SynthData.Verification;

namespace SynthData.Tests.Ledger;

public sealed class RunLedgerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    internal static Problem MathProblem(string prompt, string answer) => new()
    {
        Id = ProblemId.For(ProblemDomain.Math, prompt, answer, null, null, null),
        Domain = ProblemDomain.Math,
        Prompt = prompt,
        Answer = answer,
        Source = ProblemOrigin.Dataset("t.jsonl", 1),
    };

    internal static AttemptRecord Attempt(Problem p, int index, string content = "\\boxed{4}") => new()
    {
        ProblemId = p.Id,
        SampleIndex = index,
        Model = "m",
        SamplingJson = "{}",
        MessagesJson = "[{\"role\":\"user\",\"content\":\"q\"}]",
        Content = content,
        FinishReason = "stop",
        PromptTokens = 10,
        CompletionTokens = 20,
        RunId = 1,
    };

    /// <summary>
    /// Records as a worker of run <paramref name="run"/> does: on a shared ledger an answer is kept only under its
    /// worker's lease, so each sample is claimed first.
    /// </summary>
    private static void Record(RunLedger ledger, long run, AttemptRecord[] attempts, VerdictRecord[] verdicts, AttemptErrorRecord[] errors)
    {
        var leases = new WorkLeases(ledger, run, 60);
        foreach (var a in attempts)
            leases.TryClaim(new WorkKey(a.ProblemId, a.SampleIndex, a.SampleIndex + 1, a.Fingerprint));
        ledger.Record([.. attempts.Select(a => a with { RunId = run })], verdicts, errors);
    }

    private static Verdict Verdict(bool accepted, string kind = "correct", string version = "1") => new()
    {
        Accepted = accepted, Kind = kind, Reason = "r", Verifier = "math", VerifierVersion = version,
    };

    [Theory]
    [InlineData(TestLedgerStore.Sqlite)]
    [InlineData(TestLedgerStore.Postgres)]
    public void Problems_are_added_once(string kind)
    {
        using var store = new TestLedgerStore(kind, _dir.Path);
        using var ledger = store.Open();
        var run = ledger.StartRun("test", "h");
        var p = MathProblem("2+2?", "4");
        Assert.Equal(1, ledger.AddProblems([p, MathProblem("3+3?", "6")], run) - 1);
        Assert.Equal(0, ledger.AddProblems([p], run));
        Assert.Equal(2, ledger.ReadProblems().Count);
    }

    [Theory]
    [InlineData(TestLedgerStore.Sqlite)]
    [InlineData(TestLedgerStore.Postgres)]
    public void Answered_samples_survive_reopening_and_are_never_overwritten(string kind)
    {
        using var store = new TestLedgerStore(kind, _dir.Path);
        var p = MathProblem("2+2?", "4");
        using (var ledger = store.Open())
        {
            var run = ledger.StartRun("test", "h");
            ledger.AddProblems([p], run);
            Record(ledger, run, [Attempt(p, 0), Attempt(p, 1)], [new VerdictRecord(p.Id, 0, Verdict(true))], []);
            Record(ledger, run, [Attempt(p, 0, "different")], [], []);
        }

        using var reopened = store.Open();
        Assert.Equal([(p.Id, 0), (p.Id, 1)], reopened.AnsweredSamples().Order());
        var attempts = reopened.ReadAttempts();
        Assert.Equal("\\boxed{4}", attempts[0].Attempt.Content);
        Assert.True(attempts[0].Verdict!.Accepted);
        Assert.Null(attempts[1].Verdict);
    }

    [Theory]
    [InlineData(TestLedgerStore.Sqlite)]
    [InlineData(TestLedgerStore.Postgres)]
    public void Unverified_errored_and_outdated_verdicts_need_verification(string kind)
    {
        using var store = new TestLedgerStore(kind, _dir.Path);
        using var ledger = store.Open();
        var run = ledger.StartRun("test", "h");
        var p = MathProblem("2+2?", "4");
        ledger.AddProblems([p], run);
        Record(ledger, run, [Attempt(p, 0), Attempt(p, 1), Attempt(p, 2), Attempt(p, 3)],
            [
                new VerdictRecord(p.Id, 0, Verdict(true)),
                new VerdictRecord(p.Id, 1, Verdict(false, VerdictKinds.Error)),
                new VerdictRecord(p.Id, 2, Verdict(true, version: "0")),
            ], []);
        var current = new Dictionary<ProblemDomain, (string, string)> { [ProblemDomain.Math] = ("math", "1") };
        Assert.Equal([1, 2, 3], ledger.AttemptsNeedingVerdict(current).Select(a => a.Attempt.SampleIndex));
    }

    [Theory]
    [InlineData(TestLedgerStore.Sqlite)]
    [InlineData(TestLedgerStore.Postgres)]
    public void Statistics_count_by_source_and_requests_include_failed_ones(string kind)
    {
        using var store = new TestLedgerStore(kind, _dir.Path);
        using var ledger = store.Open();
        var run = ledger.StartRun("test", "h");
        var p = MathProblem("2+2?", "4");
        ledger.AddProblems([p], run);
        Record(ledger, run, [Attempt(p, 0) with { Tries = 3 }, Attempt(p, 1)],
            [new VerdictRecord(p.Id, 0, Verdict(true)), new VerdictRecord(p.Id, 1, Verdict(false, VerdictKinds.WrongAnswer))],
            [new AttemptErrorRecord(p.Id, 2, "HTTP 500", 7, run)]);
        var s = LedgerStatistics.Read(ledger);
        Assert.Equal((1L, 2L, 1L, 1L), (s.Problems, s.Attempts, s.Accepted, s.Rejected));
        Assert.Equal(11, s.Requests);
        Assert.Equal(1, s.RequestErrors);
        Assert.Equal(40, s.CompletionTokens);
        var src = Assert.Single(s.BySource);
        Assert.Equal(("t.jsonl", 0.5), (src.Source, src.AcceptanceRate));
    }
}

public sealed class LedgerVersionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(TestLedgerStore.Sqlite)]
    [InlineData(TestLedgerStore.Postgres)]
    public void A_ledger_of_a_newer_schema_version_is_refused_naming_both_versions(string kind)
    {
        using var store = new TestLedgerStore(kind, _dir.Path);
        using (var ledger = store.Open())
        {
            using var c = ledger.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema_version'";
            cmd.ExecuteNonQuery();
        }

        var e = Assert.Throws<InvalidOperationException>(() => store.Open());
        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
        Assert.Contains("newer synthdata", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_processes_opening_a_new_postgres_ledger_at_once_create_one_schema()
    {
        using var store = new TestLedgerStore(TestLedgerStore.Postgres, _dir.Path);
        var opened = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6).Select(_ =>
        {
            using var ledger = store.Open();
            return ledger.StartRun("t", "h");
        }).ToList();
        Assert.Equal(6, opened.Distinct().Count());
    }

    [Fact]
    public void A_postgres_uri_never_shows_its_password()
    {
        var setting = "postgresql://synth:s3cret@db.example:6543/runs";
        var store = SynthData.Ledger.Store.LedgerStore.For(setting, _dir.Path);
        Assert.DoesNotContain("s3cret", store.Location, StringComparison.Ordinal);
        Assert.Contains("db.example:6543/runs", store.Location, StringComparison.Ordinal);
    }
}
