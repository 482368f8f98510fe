using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Export;
using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Verification;

namespace SynthData.Tests.TestSupport;

/// <summary>A real SQLite ledger filled record by record, for tests that need exact control over attempts and verdicts.</summary>
internal sealed class LedgerBuilder : IDisposable
{
    private readonly long _run;

    public LedgerBuilder(string directory)
    {
        Ledger = RunLedger.Open(directory);
        _run = Ledger.StartRun("test", "h");
    }

    public RunLedger Ledger { get; }

    public static Problem Math(string prompt, string answer, string source = "test.jsonl", int? difficulty = null) => new()
    {
        Id = ProblemId.For(ProblemDomain.Math, prompt, answer, null, null, null),
        Domain = ProblemDomain.Math,
        Prompt = prompt,
        Answer = answer,
        Source = difficulty is { } d ? ProblemOrigin.Generator(source, 1, d) : ProblemOrigin.Dataset(source, 1),
    };

    public Problem Add(Problem p)
    {
        Ledger.AddProblems([p], _run);
        return p;
    }

    /// <summary>Records one attempt and its verdict (<paramref name="kind"/> null: no verdict yet).</summary>
    public void Attempt(Problem p, int index, string content, string? kind, int completionTokens = 50, string finishReason = "stop", string? reasoning = null, double? score = null)
    {
        var attempt = new AttemptRecord
        {
            ProblemId = p.Id,
            SampleIndex = index,
            Model = "test-model",
            SamplingJson = """{"temperature":0.7,"top_p":0.95,"max_tokens":4096,"seed":1,"stream":false}""",
            MessagesJson = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = p.Prompt + "\n\nReason step by step." }).ToJsonString(),
            Content = content,
            ReasoningContent = reasoning,
            FinishReason = finishReason,
            PromptTokens = 20,
            CompletionTokens = completionTokens,
            LatencyMs = 5,
            RunId = _run,
        };
        VerdictRecord[] verdicts = kind is null
            ? []
            : [new VerdictRecord(p.Id, index, new Verdict
            {
                Accepted = kind is VerdictKinds.Correct or VerdictKinds.Passed,
                Kind = kind,
                Reason = kind,
                Verifier = "math",
                VerifierVersion = "test-1",
                Score = score,
            })];
        Ledger.Record([attempt], verdicts, []);
    }

    public ExportContext Context(PipelineOptions? options = null) => ExportContext.Read(Ledger, options ?? Options());

    /// <summary>Default options with every source-independent setting at its default.</summary>
    public static PipelineOptions Options() => new() { Sources = [new SourceOptions { Generator = "arithmetic" }] };

    public void Dispose() => Ledger.Dispose();
}
