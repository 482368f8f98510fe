using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SynthData.Config;
using SynthData.Export;
using SynthData.Ledger;
using SynthData.Problems;
using SynthData.Reports;
using SynthData.Verification;

// Export memory and time against ledger size. Each measurement runs in its own process, so its peak RSS (VmHWM) is
// that export's alone.
//   dotnet bench/ExportBench/bin/Release/net10.0/ExportBench.dll ATTEMPTS... [--dir DIR]   build each ledger, measure everything
//   ... build DIR ATTEMPTS | measure DIR WHAT                                               one step (the children)
// WHAT: scan (one plain SQLite pass over the export join), sft, dpo, rl, grpo, sharegpt, raw, hf, report, stats.
var inv = CultureInfo.InvariantCulture;
string[] steps = ["scan", "sft", "dpo", "rl", "grpo", "sharegpt", "raw", "hf", "report", "stats"];

if (args is ["build", var buildDir, var n])
{
    var clock = Stopwatch.StartNew();
    BenchLedger.Build(buildDir, int.Parse(n, inv));
    Console.WriteLine(string.Create(inv, $"built {n} attempts in {clock.Elapsed.TotalSeconds:0.0} s, {new FileInfo(Path.Combine(buildDir, RunLedger.FileName)).Length / 1e6:0} MB"));
    return 0;
}

if (args is ["measure", var dir, var what])
{
    var clock = Stopwatch.StartNew();
    var rows = await Measure(dir, what);
    Console.WriteLine(string.Create(inv, $"{what}\t{rows}\t{clock.Elapsed.TotalSeconds:0.00}\t{PeakRssMb():0}"));
    return 0;
}

var sizes = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, inv)).ToList();
var root = args.SkipWhile(a => a != "--dir").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "synthdata-exportbench");
Console.WriteLine($"cores: {Environment.ProcessorCount}, load average: {File.ReadAllText("/proc/loadavg").Trim()}");
foreach (var size in sizes)
{
    var sizeDir = Path.Combine(root, size.ToString(inv));
    if (!File.Exists(Path.Combine(sizeDir, RunLedger.FileName)))
        Console.Write(Child("build", sizeDir, size.ToString(inv)));
    Console.WriteLine($"\n{size} attempts\n| what | rows | seconds | peak RSS MB |\n| --- | ---: | ---: | ---: |");
    foreach (var step in steps)
    {
        var line = Child("measure", sizeDir, step).Trim().Split('\t');
        Console.WriteLine($"| {line[0]} | {line[1]} | {line[2]} | {line[3]} |");
    }
}

Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
return 0;

static string Child(params string[] childArgs)
{
    var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
    psi.ArgumentList.Add(typeof(BenchLedger).Assembly.Location);
    foreach (var a in childArgs)
        psi.ArgumentList.Add(a);
    using var p = Process.Start(psi)!;
    var output = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    return p.ExitCode == 0 ? output : throw new InvalidOperationException($"{string.Join(' ', childArgs)} failed ({p.ExitCode}): {output}");
}

static async Task<long> Measure(string dir, string what)
{
    var options = BenchLedger.Options(dir);
    using var ledger = RunLedger.Open(dir);
    var context = ExportContext.Read(ledger, options);
    switch (what)
    {
        case "scan":
            return BenchLedger.PlainScan(ledger.Path);
        case "stats":
            return LedgerStatistics.Read(ledger).Attempts;
        case "report":
            return (await RunReport.WriteAsync(context, Path.Combine(dir, "report"), CancellationToken.None)).Rows;
        case "hf":
            return (await HfDatasetFolder.WriteAsync(context, LedgerStatistics.Read(ledger), Path.Combine(dir, "hf"), CancellationToken.None)).Count;
        default:
            var result = await ExportRunner.ExportAsync(context, ExportRunner.Exporters[what], Path.Combine(dir, what + ".jsonl"), CancellationToken.None);
            return result.Files[0].Records;
    }
}

static double PeakRssMb()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}

/// <summary>A ledger of the given size written straight through the ledger API, with realistic record sizes.</summary>
internal static class BenchLedger
{
    private const int SamplesPerProblem = 4;

    public static PipelineOptions Options(string dir) => new()
    {
        Run = new RunOptions { OutputDir = Path.GetFullPath(dir) },
        Sources = [new SourceOptions { Generator = "arithmetic" }],
    };

    public static void Build(string dir, int attempts)
    {
        Directory.CreateDirectory(dir);
        using var ledger = RunLedger.Open(dir);
        var runId = ledger.StartRun("bench", "bench");
        var problems = attempts / SamplesPerProblem;
        const int Batch = 2_000;
        // Reasoning of a realistic length (~1.5 KB) that differs per sample and does not repeat itself, so the quality
        // filters (repetition, duplicate traces) pass it after doing their real work.
        static string Reasoning(int problem, int sample) => string.Join(' ', Enumerable.Range(1, 30).Select(k =>
            string.Create(CultureInfo.InvariantCulture, $"Step {k}: {problem % 1000 + k} plus {sample + 2 * k} gives {problem % 1000 + sample + 3 * k}.")));
        for (var start = 0; start < problems; start += Batch)
        {
            var batch = Enumerable.Range(start, Math.Min(Batch, problems - start)).Select(i => new Problem
            {
                Id = $"bench-{i:D8}",
                Domain = ProblemDomain.Math,
                Prompt = $"What is {i} + {i % 97}? Show your reasoning.",
                Answer = (i + i % 97).ToString(CultureInfo.InvariantCulture),
                Source = i % 3 == 0 ? ProblemOrigin.Dataset("gsm8k_bench.jsonl", i) with { License = "MIT" } : ProblemOrigin.Generator("arithmetic", 1, 1 + i % 5),
            }).ToList();
            ledger.AddProblems(batch, runId);
            var records = new List<AttemptRecord>();
            var verdicts = new List<VerdictRecord>();
            foreach (var p in batch)
            {
                for (var s = 0; s < SamplesPerProblem; s++)
                {
                    var right = (p.Id.GetHashCode(StringComparison.Ordinal) + s) % 3 != 0;
                    var answer = right ? p.Answer : p.Answer + "1";
                    records.Add(new AttemptRecord
                    {
                        ProblemId = p.Id,
                        SampleIndex = s,
                        Model = "simulated",
                        SamplingJson = $"{{\"temperature\":0.7,\"top_p\":0.95,\"max_tokens\":4096,\"seed\":{s},\"stream\":false}}",
                        MessagesJson = $"[{{\"role\":\"user\",\"content\":\"{p.Prompt}\\n\\nPlease reason step by step, and put your final answer within \\\\boxed{{}}.\"}}]",
                        Content = $"<think>\n{Reasoning(int.Parse(p.Id[6..], CultureInfo.InvariantCulture), s)}\n</think>\n\nThe answer is \\boxed{{{answer}}}.",
                        FinishReason = "stop",
                        PromptTokens = 40,
                        CompletionTokens = 300 + s * 7 + p.Prompt.Length,
                        LatencyMs = 500 + s,
                        RunId = runId,
                    });
                    verdicts.Add(new VerdictRecord(p.Id, s, new Verdict
                    {
                        Accepted = right, Kind = right ? "correct" : "wrong_answer", Reason = right ? "equal" : "different",
                        Verifier = "math", VerifierVersion = "math-2", Extracted = answer, DurationMs = 0.02,
                    }));
                }
            }

            ledger.Record(records, verdicts, []);
        }
    }

    /// <summary>The baseline: the exports' join read once with a plain data reader, every column touched.</summary>
    public static long PlainScan(string path)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT p.json, a.problem_id, a.sample_index, a.model, a.sampling_json, a.messages_json, a.content, a.reasoning_content,
                   a.finish_reason, a.prompt_tokens, a.completion_tokens, a.latency_ms, a.response_id, a.tries, a.run_id,
                   v.verifier, v.verifier_version, v.accepted, v.kind, v.reason, v.extracted, v.details_json, v.duration_ms
            FROM attempts a JOIN problems p ON p.id = a.problem_id
            LEFT JOIN verdicts v ON v.problem_id = a.problem_id AND v.sample_index = a.sample_index
            ORDER BY a.problem_id, a.sample_index
            """;
        using var r = cmd.ExecuteReader();
        long rows = 0, chars = 0;
        while (r.Read())
        {
            rows++;
            for (var i = 0; i < r.FieldCount; i++)
                chars += r.IsDBNull(i) ? 0 : r.GetValue(i).ToString()!.Length;
        }

        return chars > 0 ? rows : 0;
    }
}
