using System.CommandLine;
using Microsoft.Extensions.Logging;
using SynthData.Cli.Hosting;
using SynthData.Config;
using SynthData.Export;
using SynthData.Pipeline;
using SynthData.Problems;
using SynthData.Sampling;
using SynthData.Verification;

namespace SynthData.Cli.Commands;

/// <summary>One problem, a few samples, printed for a person to read. Nothing is written to the ledger.</summary>
internal static class SolveCommand
{
    public static Command Create(CliIO io)
    {
        var problem = new Option<string>("--problem") { Description = "Problem text", Required = true, HelpName = "TEXT" };
        var answer = new Option<string?>("--answer") { Description = "Reference answer to verify against (math)", HelpName = "GOLD" };
        var domain = new Option<string>("--domain") { Description = "math or code", DefaultValueFactory = _ => "math" };
        domain.AcceptOnlyFromAmong("math", "code");
        var tests = new Option<string?>("--tests") { Description = "Python tests for code problems (asserts, or check(candidate) with --entry-point)", HelpName = "CODE" };
        var entryPoint = new Option<string?>("--entry-point") { Description = "Function under test (code)", HelpName = "NAME" };
        var samples = new Option<int?>("--samples") { Description = "Samples to draw (default: model.samples_per_problem)", HelpName = "N" };
        var config = CommonOptions.Config();
        var command = new Command("solve", "Sample and verify solutions to a single problem") { problem, answer, domain, tests, entryPoint, samples, config };
        command.SetAction(async (parse, ct) =>
        {
            var options = LoadOrDefault(parse, config);
            var p = BuildProblem(parse.GetValue(problem)!, parse.GetValue(domain) == "code" ? ProblemDomain.Code : ProblemDomain.Math,
                parse.GetValue(answer), parse.GetValue(tests), parse.GetValue(entryPoint));
            var n = parse.GetValue(samples) ?? options.Model.SamplesPerProblem;
            if (n < 1 || n > 1024)
                throw new UsageException("--samples must be 1..1024");

            using var loggers = PipelineHost.CreateLoggerFactory();
            var logger = loggers.CreateLogger("synthdata");
            await using var session = await ModelSession.StartAsync(options.Model, [p], logger, ct).ConfigureAwait(false);
            var sampling = SamplingParameters.From(options.Model);
            var resilience = ResiliencePipelineFactory.Create(options.Model, logger, c => session.Client.ProbeAsync(sampling, c));
            var verifiers = VerifierFactory.Create(options, loggers);
            using var disposeVerifiers = new DisposableGroup(verifiers.Values);
            var gate = new SemaphoreSlim(options.Model.Concurrency);
            var results = await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    return await SolveOneAsync(p, i, options, session.Client, resilience, verifiers, logger, ct).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);

            for (var i = 0; i < n; i++)
                Print(io.Out, i, n, results[i]);
            var accepted = results.Count(r => r.Verdict?.Accepted == true);
            var failed = results.Count(r => r.Error is not null);
            await io.Out.WriteLineAsync($"{accepted}/{n} accepted{(failed > 0 ? $", {failed} requests failed" : "")}").ConfigureAwait(false);
            return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private sealed record Outcome(ModelCompletion? Completion, Verdict? Verdict, string? Error);

    private static async Task<Outcome> SolveOneAsync(Problem p, int index, PipelineOptions options, IModelClient client,
        Polly.ResiliencePipeline resilience, IReadOnlyDictionary<ProblemDomain, IVerifier> verifiers, ILogger logger, CancellationToken ct)
    {
        var request = SamplingPlan.Request(p, index, options);
        ModelCompletion completion;
        try
        {
            completion = await resilience.ExecuteAsync(async c => await client.CompleteAsync(request, c).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new Outcome(null, null, ResiliencePipelineFactory.Describe(e));
        }

        // Without a reference answer a math sample can only be shown, not judged.
        var verdict = p.Domain == ProblemDomain.Code || p.Answer is not null
            ? await AttemptVerifier.VerifyAsync(p, completion.Content, completion.FinishReason, verifiers, logger, ct).ConfigureAwait(false)
            : null;
        return new Outcome(completion, verdict, null);
    }

    private static void Print(TextWriter w, int i, int n, Outcome o)
    {
        w.WriteLine($"── sample {i + 1}/{n} " + new string('─', 40));
        if (o.Error is not null)
        {
            w.WriteLine($"request failed: {o.Error}");
            return;
        }

        var c = o.Completion!;
        var (reasoning, answer) = ThinkSplitter.Split(c.Content, c.ReasoningContent);
        w.WriteLine(FormattableString.Invariant($"finish: {c.FinishReason}, {c.CompletionTokens} tokens, {c.LatencyMs / 1000:0.00}s"));
        if (reasoning is not null)
            w.WriteLine("reasoning:\n" + Indent(reasoning));
        w.WriteLine("answer:\n" + Indent(answer));
        if (o.Verdict is { } v)
        {
            if (v.Extracted is not null)
                w.WriteLine("extracted: " + (v.Extracted.Contains('\n') ? "\n" + Indent(v.Extracted) : v.Extracted));
            w.WriteLine($"verdict: {(v.Accepted ? "ACCEPTED" : "REJECTED")} ({v.Kind}) {v.Reason}");
        }
        else
        {
            w.WriteLine("verdict: not verified (no --answer given)");
        }
    }

    private static string Indent(string text) => "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static Problem BuildProblem(string text, ProblemDomain domain, string? answer, string? tests, string? entryPoint)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new UsageException("--problem must not be empty");
        if (domain == ProblemDomain.Code && string.IsNullOrWhiteSpace(tests))
            throw new UsageException("code problems need --tests");
        return new Problem
        {
            Id = ProblemId.For(domain, text, answer, tests, null, null),
            Domain = domain,
            Prompt = text,
            Answer = answer,
            Tests = tests,
            EntryPoint = entryPoint,
            Source = new ProblemOrigin { Kind = "cli", Name = "solve" },
        };
    }

    /// <summary>An explicit --config must exist; without one, pipeline.yaml is used when present, else built-in defaults.</summary>
    private static PipelineOptions LoadOrDefault(ParseResult parse, Option<string> config)
    {
        var explicitConfig = parse.GetResult(config) is { Implicit: false };
        var path = parse.GetValue(config) ?? "pipeline.yaml";
        return explicitConfig || File.Exists(path) ? CommonOptions.Load(path) : new PipelineOptions();
    }
}
