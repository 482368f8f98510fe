using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SynthData.Problems;
using SynthData.Problems.Datasets;
using SynthData.Verification.Code;

// Throughput of the sandboxed code verifier on the 164 HumanEval canonical solutions.
// Usage: dotnet run -c Release --project bench/CodeBench -- [HumanEval.jsonl[.gz]] [passes] [parallel] [sandbox: bubblewrap|fresh|nocgroup|none]
var path = args.Length > 0 ? args[0] : FindAbove(Path.Combine("data", "benchmarks", "humaneval", "HumanEval.jsonl.gz"));
var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var parallel = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
// bubblewrap: warm sandboxes (one jail per slot, fresh namespaces per check); fresh: a new jail per check; nocgroup: warm
// sandboxes without a memory cgroup (the host-side memory watchdog instead); none: no isolation.
var sandbox = args.Length > 3 ? args[3] : "bubblewrap";
var mode = sandbox == "none" ? SandboxMode.None : SandboxMode.Bubblewrap;

var tasks = DatasetFile.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).Select(o => (
    Problem: new Problem
    {
        Id = o["task_id"]!.GetValue<string>(), Domain = ProblemDomain.Code, Prompt = o["prompt"]!.GetValue<string>(),
        Tests = o["test"]!.GetValue<string>(), EntryPoint = o["entry_point"]!.GetValue<string>(),
        Source = ProblemOrigin.Dataset("humaneval", 1),
    },
    Program: o["prompt"]!.GetValue<string>() + o["canonical_solution"]!.GetValue<string>())).ToList();

using var verifier = new CodeVerifier(new CodeVerifierOptions
{
    MaxParallelChecks = parallel, Sandbox = mode, WarmSandboxes = sandbox != "fresh", MemoryCgroup = sandbox != "nocgroup",
});
await verifier.EnsureSandboxWorksAsync(CancellationToken.None);
Console.WriteLine($"{tasks.Count} HumanEval canonical solutions, sandbox {sandbox}, {parallel} parallel checks, {Environment.ProcessorCount} cores");

for (var pass = 1; pass <= passes; pass++)
{
    var clock = Stopwatch.StartNew();
    var verdicts = await Task.WhenAll(tasks.Select(t => verifier.CheckProgramAsync(t.Problem, t.Program, CancellationToken.None)));
    var seconds = clock.Elapsed.TotalSeconds;
    var latencies = verdicts.Select(v => v.DurationMs).Order().ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"pass {pass}: {verdicts.Count(v => v.Accepted)}/{tasks.Count} passed in {seconds:0.00} s = {tasks.Count / seconds:0.0} samples/s; " +
        $"check latency median {latencies[latencies.Length / 2]:0} ms, max {latencies[^1]:0} ms"));
}

// The repository's copy of HumanEval, found from the binary's folder so the bench runs from any working directory.
static string FindAbove(string relative)
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, relative)))
            return Path.Combine(dir.FullName, relative);
    }
    throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}; pass the path as an argument");
}
