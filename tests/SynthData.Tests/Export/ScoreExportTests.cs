using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SynthData.Export;
using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Tests.TestSupport;
using SynthData.Verification;

namespace SynthData.Tests.Export;

/// <summary>Partial-credit scores survive the ledger and reach the raw and rl exports.</summary>
public sealed class ScoreExportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // "zz-" sorts after the hex ids of math problems: exports are ordered by problem id.
    private static readonly Problem Code = new()
    {
        Id = "zz-code-1", Domain = ProblemDomain.Code, Prompt = "Write sq(x).", EntryPoint = "sq",
        FunctionTests = [new FunctionTest(new JsonArray(2), JsonValue.Create(4))],
        Source = ProblemOrigin.Dataset("code.jsonl", 1),
    };

    private static async Task<List<JsonObject>> Export(IExporter exporter, ExportContext context)
    {
        using var writer = new StringWriter();
        await ExportRunner.WriteAsync(context, exporter, writer, CancellationToken.None);
        return [.. writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];
    }

    private LedgerBuilder Build()
    {
        var b = new LedgerBuilder(_dir.Path);
        b.Add(Code);
        b.Attempt(Code, 0, "```python\ndef sq(x): return x*x\n```", VerdictKinds.Passed, score: 1);
        b.Attempt(Code, 1, "```python\ndef sq(x): return x\n```", VerdictKinds.Failed, score: 0.5);
        b.Attempt(Code, 2, "```python\ndef sq(x): return 0\n```", VerdictKinds.Failed, score: 0.25);
        var math = b.Add(LedgerBuilder.Math("2+2?", "4"));
        b.Attempt(math, 0, "\\boxed{4}", VerdictKinds.Correct);
        b.Attempt(math, 1, "\\boxed{5}", VerdictKinds.WrongAnswer);
        return b;
    }

    [Fact]
    public void Scores_round_trip_through_the_ledger_and_old_ledgers_gain_the_column()
    {
        using (var b = Build())
        {
            var attempts = b.Ledger.ReadAttempts();
            Assert.Equal([null, null, 1.0, 0.5, 0.25], attempts.Select(a => a.Verdict!.Score));
        }

        // A ledger written before scores existed: the column is added on open, its verdicts read as 1/0.
        using (var c = new SqliteConnection($"Data Source={Path.Combine(_dir.Path, RunLedger.FileName)};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "ALTER TABLE verdicts DROP COLUMN score";
            cmd.ExecuteNonQuery();
        }
        using var reopened = RunLedger.Open(_dir.Path);
        var old = reopened.ReadAttempts();
        Assert.All(old, a => Assert.Null(a.Verdict!.Score));
        Assert.Equal([1.0, 0, 1, 0, 0], old.Select(a => a.Verdict!.EffectiveScore()));
    }

    [Fact]
    public async Task Raw_verdicts_carry_the_score_and_rl_rows_the_mean_score()
    {
        using var b = Build();
        var context = b.Context();
        var raw = await Export(new RawExporter(), context);
        Assert.Equal([1.0, 0, 1, 0.5, 0.25], raw.Select(r => r["verdict"]!["score"]!.GetValue<double>()));

        var rl = await Export(new RlExporter(), context);
        var code = rl.Single(r => r["ability"]!.GetValue<string>() == "code")["extra_info"]!;
        Assert.Equal(Math.Round(1.0 / 3, 6), code["pass_rate"]!.GetValue<double>());
        Assert.Equal(Math.Round(1.75 / 3, 6), code["mean_score"]!.GetValue<double>());
        var math = rl.Single(r => r["ability"]!.GetValue<string>() == "math")["extra_info"]!;
        Assert.Equal(math["pass_rate"]!.GetValue<double>(), math["mean_score"]!.GetValue<double>());

        // Deterministic: the same ledger gives the same bytes.
        using var w1 = new StringWriter();
        using var w2 = new StringWriter();
        await ExportRunner.WriteAsync(b.Context(), new RlExporter(), w1, CancellationToken.None);
        await ExportRunner.WriteAsync(b.Context(), new RlExporter(), w2, CancellationToken.None);
        Assert.Equal(w1.ToString(), w2.ToString());
    }
}
