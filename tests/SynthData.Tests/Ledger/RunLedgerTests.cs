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

    private static Verdict Verdict(bool accepted, string kind = "correct", string version = "1") => new()
    {
        Accepted = accepted, Kind = kind, Reason = "r", Verifier = "math", VerifierVersion = version,
    };

    [Fact]
    public void Problems_are_added_once()
    {
        using var ledger = RunLedger.Open(_dir.Path);
        var run = ledger.StartRun("test", "h");
        var p = MathProblem("2+2?", "4");
        Assert.Equal(1, ledger.AddProblems([p, MathProblem("3+3?", "6")], run) - 1);
        Assert.Equal(0, ledger.AddProblems([p], run));
        Assert.Equal(2, ledger.ReadProblems().Count);
    }

    [Fact]
    public void Answered_samples_survive_reopening_and_are_never_overwritten()
    {
        var p = MathProblem("2+2?", "4");
        using (var ledger = RunLedger.Open(_dir.Path))
        {
            var run = ledger.StartRun("test", "h");
            ledger.AddProblems([p], run);
            ledger.Record([Attempt(p, 0), Attempt(p, 1)], [new VerdictRecord(p.Id, 0, Verdict(true))], []);
            ledger.Record([Attempt(p, 0, "different")], [], []);
        }

        using var reopened = RunLedger.Open(_dir.Path);
        Assert.Equal([(p.Id, 0), (p.Id, 1)], reopened.AnsweredSamples().Order());
        var attempts = reopened.ReadAttempts();
        Assert.Equal("\\boxed{4}", attempts[0].Attempt.Content);
        Assert.True(attempts[0].Verdict!.Accepted);
        Assert.Null(attempts[1].Verdict);
    }

    [Fact]
    public void Unverified_errored_and_outdated_verdicts_need_verification()
    {
        using var ledger = RunLedger.Open(_dir.Path);
        var run = ledger.StartRun("test", "h");
        var p = MathProblem("2+2?", "4");
        ledger.AddProblems([p], run);
        ledger.Record([Attempt(p, 0), Attempt(p, 1), Attempt(p, 2), Attempt(p, 3)],
            [
                new VerdictRecord(p.Id, 0, Verdict(true)),
                new VerdictRecord(p.Id, 1, Verdict(false, VerdictKinds.Error)),
                new VerdictRecord(p.Id, 2, Verdict(true, version: "0")),
            ], []);
        var current = new Dictionary<ProblemDomain, (string, string)> { [ProblemDomain.Math] = ("math", "1") };
        Assert.Equal([1, 2, 3], ledger.AttemptsNeedingVerdict(current).Select(a => a.Attempt.SampleIndex));
    }

    [Fact]
    public void Statistics_count_by_source_and_requests_include_failed_ones()
    {
        using var ledger = RunLedger.Open(_dir.Path);
        var run = ledger.StartRun("test", "h");
        var p = MathProblem("2+2?", "4");
        ledger.AddProblems([p], run);
        ledger.Record([Attempt(p, 0) with { Tries = 3 }, Attempt(p, 1)],
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
