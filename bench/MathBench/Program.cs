using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SynthData.Problems.Datasets;
using SynthData.Verification.Math;

// Math verifier throughput and latency. Usage: dotnet run -c Release --project bench/MathBench [-- MATH_TEST_JSONL CASES_JSONL GSM8K_TEST_JSONL]
// (a) every MATH test reference answer against its own whole solution text (extraction + comparison);
// (b) the labelled equivalent/non-equivalent suite from the tests; (c) each reference answer against the next
// problem's solution (mostly non-equivalent pairs, a precision smoke test); (d) each reference answer against
// itself wrapped in extra braces, which forces the full parse-and-compare path; (e) every GSM8K test answer
// against its own worked solution ending "#### N"; (f) the same solutions ending in a GSM8K-era "A: N" line instead.

var mathPath = args.Length > 0 ? args[0] : FindAbove(Path.Combine("data", "benchmarks", "math", "test.jsonl.gz"));
var casesPath = args.Length > 1 ? args[1] : FindAbove(Path.Combine("tests", "SynthData.Tests", "Verification", "Math", "equivalence-cases.jsonl"));

var gsmPath = args.Length > 2 ? args[2] : FindAbove(Path.Combine("data", "benchmarks", "gsm8k", "test.jsonl.gz"));

var rows = DatasetFile.ReadLines(mathPath).Select(l => JsonDocument.Parse(l).RootElement)
    .Select(r => (Answer: r.GetProperty("answer").GetString()!, Solution: r.GetProperty("solution").GetString()!)).ToList();
var self = rows.Select(r => (Gold: r.Answer, Pred: r.Solution)).ToList();
var labelled = File.ReadLines(casesPath).Select(l => JsonDocument.Parse(l).RootElement)
    .Select(r => (Gold: r.GetProperty("gold").GetString()!, Pred: r.GetProperty("pred").GetString()!)).ToList();
var cross = rows.Select((r, i) => (Gold: r.Answer, Pred: rows[(i + 1) % rows.Count].Solution)).ToList();
// Extra braces mean nothing in LaTeX but defeat the identical-string shortcut, so every pair is parsed and compared.
var regrouped = rows.Select(r => (Gold: r.Answer, Pred: "so the answer is $\\boxed{{" + r.Answer + "}}$.")).ToList();

var gsm = DatasetFile.ReadLines(gsmPath).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("answer").GetString()!)
    .Select(a => (Gold: a[(a.LastIndexOf("####", StringComparison.Ordinal) + 4)..].Trim(), Pred: a)).ToList();
var gsmQa = gsm.Select(g => (g.Gold, Pred: g.Pred[..g.Pred.LastIndexOf("####", StringComparison.Ordinal)] + "A: " + g.Gold)).ToList();

var checker = new MathAnswerChecker();
const double WarmSeconds = 3;
const int Rounds = 5;
const double RoundSeconds = 1;
Console.WriteLine($"cores: {Environment.ProcessorCount}, runtime: {Environment.Version}");
Run("(a) MATH reference vs own solution", self, checker, repeats: 4);
Run("(b) labelled mixed suite", labelled, checker, repeats: 40);
Run("(c) MATH reference vs another solution", cross, checker, repeats: 4);
Run("(d) MATH reference vs itself in extra braces (full parse + compare)", regrouped, checker, repeats: 4);
Run("(e) GSM8K answer vs own solution (#### N)", gsm, checker, repeats: 4);
Run("(f) GSM8K answer vs own solution ending \"A: N\"", gsmQa, checker, repeats: 4);

static void Run(string name, List<(string Gold, string Pred)> pairs, MathAnswerChecker checker, int repeats)
{
    // Warm-up by time, not by one pass: tiered compilation promotes hot methods to optimised (PGO) code only after
    // they have been called for a while and the background compiler has caught up, so a single pass still times
    // partly unoptimised code and the figure drifts from run to run.
    var warm = Stopwatch.GetTimestamp();
    for (var pass = 0; pass < 3 || Stopwatch.GetElapsedTime(warm).TotalSeconds < WarmSeconds; pass++)
    {
        foreach (var (gold, pred) in pairs)
            checker.Check(gold, pred);
    }

    // Rounds of at least RoundSeconds each, so one GC pause or scheduler hiccup moves a round by a few percent only.
    var latencies = new List<double>();
    var rounds = new double[Rounds];
    var accepted = 0;
    var identical = 0;
    for (var round = 0; round < Rounds; round++)
    {
        var started = Stopwatch.GetTimestamp();
        var checks = 0;
        for (var r = 0; r < repeats || Stopwatch.GetElapsedTime(started).TotalSeconds < RoundSeconds; r++)
        {
            for (var i = 0; i < pairs.Count; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                var result = checker.Check(pairs[i].Gold, pairs[i].Pred);
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (round == 0 && r == 0 && result.Equivalent)
                    accepted++;
                if (round == 0 && r == 0 && result.Reason.Contains("identical after normalisation", StringComparison.Ordinal))
                    identical++;
            }
            checks += pairs.Count;
        }
        rounds[round] = checks / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    var parallelStarted = Stopwatch.GetTimestamp();
    Parallel.For(0, pairs.Count * repeats, i => checker.Check(pairs[i % pairs.Count].Gold, pairs[i % pairs.Count].Pred));
    var parallel = pairs.Count * repeats / Stopwatch.GetElapsedTime(parallelStarted).TotalSeconds;

    latencies.Sort();
    Array.Sort(rounds);
    var median = rounds[Rounds / 2];
    string Ms(double q) => latencies[(int)Math.Min(latencies.Count - 1, q * latencies.Count)].ToString("0.000", CultureInfo.InvariantCulture);
    Console.WriteLine($"{name}: {pairs.Count} pairs, {accepted} equivalent ({identical} identical as written after normalisation)");
    Console.WriteLine($"  single thread: {median,10:N0} checks/s (median of {Rounds} rounds, {100 * (rounds[0] / median - 1):+0;-0;+0}% .. {100 * (rounds[^1] / median - 1):+0;-0;+0}%)   all cores: {parallel,10:N0} checks/s");
    Console.WriteLine($"  latency ms: p50 {Ms(0.50)}  p99 {Ms(0.99)}  p99.9 {Ms(0.999)}  max {latencies[^1].ToString("0.000", CultureInfo.InvariantCulture)}");
}

static string FindAbove(string relative)
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, relative)))
            return Path.Combine(dir.FullName, relative);
    }
    throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}; pass paths as arguments");
}
