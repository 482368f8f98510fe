using System.Text.Json.Nodes;
using SynthData.Export;
using SynthData.Filtering;
using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Selection;
using SynthData.Selection.Quality;
using SynthData.Tests.TestSupport;
using SynthData.Verification;

namespace SynthData.Tests.Selection;

/// <summary>Curation over a ledger written record by record: what is filtered, counted, selected and left out.</summary>
public sealed class CuratedDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Good = "<think>\n2 + 2 = 4\n</think>\n\nThe answer is \\boxed{4}.";

    /// <summary>One whole pass: the groups in order, and the curation totals it leaves.</summary>
    private static (Curation Curation, List<ProblemGroup> Groups) Curate(ExportContext context)
    {
        var (curation, groups) = context.Pass();
        return (curation, groups.ToList());
    }

    [Fact]
    public async Task Filtered_and_duplicate_traces_are_counted_and_never_exported()
    {
        using var b = new LedgerBuilder(_dir.Path);
        var p = b.Add(LedgerBuilder.Math("What is 2 + 2?", "4"));
        b.Attempt(p, 0, Good, VerdictKinds.Correct);
        b.Attempt(p, 1, Good, VerdictKinds.Correct); // same text again
        b.Attempt(p, 2, "<think>\n2 + 2\n</think>\n\n\\boxed{4} or possibly \\boxed{5}", VerdictKinds.Correct);
        b.Attempt(p, 3, "<think>\n2 + 2 = 5\n</think>\n\n\\boxed{5}", VerdictKinds.WrongAnswer);
        b.Attempt(p, 4, "<think>\nlet me think", VerdictKinds.Truncated, finishReason: "length");
        var options = LedgerBuilder.Options();
        options.Selection.KeepPerProblem = 5;
        var context = b.Context(options);

        var (curation, groups) = Curate(context);
        var curated = Assert.Single(groups.Select(g => g.Curated).OfType<CuratedProblem>());
        Assert.Equal([0], curated.Selected.Select(a => a.Attempt.SampleIndex));
        Assert.Equal([3, 4], curated.Rejected.Select(a => a.Attempt.SampleIndex));
        Assert.Equal(0.6, curated.PassRate);
        Assert.Equal(1, curation.FilterCounts[QualityReasons.DuplicateTrace]);
        Assert.Equal(1, curation.FilterCounts[QualityReasons.Hedging]);

        using var sft = new StringWriter();
        Assert.Equal(1, await ExportRunner.WriteAsync(context, new SftExporter(), sft, CancellationToken.None));
        using var dpo = new StringWriter();
        Assert.Equal(1, await ExportRunner.WriteAsync(context, new DpoExporter(), dpo, CancellationToken.None));
        var pair = JsonNode.Parse(dpo.ToString())!;
        Assert.Equal(3, (int)pair["rejected_sample_index"]!); // the wrong answer, not the cut-off one
    }

    [Fact]
    public async Task Dropped_problems_are_left_out_of_training_exports_but_kept_in_raw()
    {
        using var b = new LedgerBuilder(_dir.Path);
        var kept = b.Add(LedgerBuilder.Math("What is 2 + 2?", "4"));
        var dropped = b.Add(LedgerBuilder.Math("What is 3 + 3?", "6"));
        b.Attempt(kept, 0, Good, VerdictKinds.Correct);
        b.Attempt(kept, 1, "\\boxed{5}", VerdictKinds.WrongAnswer);
        b.Attempt(dropped, 0, "<think>\n3 + 3 = 6\n</think>\n\n\\boxed{6}", VerdictKinds.Correct);
        b.Attempt(dropped, 1, "\\boxed{7}", VerdictKinds.WrongAnswer);
        b.Ledger.Record([new DroppedProblem(dropped, DropReasons.Contaminated, "bench:9", "What is 3 + 3?", 1)], [kept.Id], 1);
        var context = b.Context();

        var (curation, groups) = Curate(context);
        Assert.Equal([kept.Id], groups.Select(g => g.Curated).OfType<CuratedProblem>().Select(p => p.Problem.Id));
        Assert.Equal(2, curation.AttemptsOfDroppedProblems);
        using var rl = new StringWriter();
        Assert.Equal(1, await ExportRunner.WriteAsync(context, new RlExporter(), rl, CancellationToken.None));
        using var raw = new StringWriter();
        Assert.Equal(4, await ExportRunner.WriteAsync(context, new RawExporter(), raw, CancellationToken.None));
        Assert.Contains("\"problem_dropped\":{\"reason\":\"contaminated\",\"matched\":\"bench:9\"", raw.ToString(), StringComparison.Ordinal);

        // A later run that keeps the problem again clears the decision.
        b.Ledger.Record([], [dropped.Id], 2);
        Assert.Empty(b.Ledger.ReadDroppedProblems());
    }

    [Fact]
    public void Code_ground_truth_is_json_in_the_layout_reward_functions_read()
    {
        var io = new Problem
        {
            Id = "c1", Domain = ProblemDomain.Code, Prompt = "echo", IoTests = [new IoTest("1\n", "1\n"), new IoTest("2\n", "2\n")],
            Source = ProblemOrigin.Dataset("x", 1),
        };
        var truth = JsonNode.Parse(GroundTruth.For(io))!;
        Assert.Equal(["1\n", "2\n"], truth["inputs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["1\n", "2\n"], truth["outputs"]!.AsArray().Select(n => (string)n!));

        var he = io with { IoTests = null, Tests = "def check(candidate):\n    assert candidate(1) == 1\n", EntryPoint = "ident" };
        truth = JsonNode.Parse(GroundTruth.For(he))!;
        Assert.Equal("ident", (string)truth["entry_point"]!);
        Assert.StartsWith("def check", (string)truth["tests"]!, StringComparison.Ordinal);
        Assert.Equal("4", GroundTruth.For(LedgerBuilder.Math("2+2?", "4")));
    }
}
