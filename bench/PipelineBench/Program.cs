using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Model;
using SynthData.Config;
using SynthData.Pipeline;
using SynthData.Problems;

// Pipeline overhead benchmark (issue 5): the simulated endpoint answers after a fixed latency; `synthdata run` runs in
// its own process at the given concurrency. Reports achieved throughput against the ideal concurrency / latency, and the
// run's peak RSS (from /usr/bin/time), so memory can be compared between sample counts.
//
//   dotnet publish src/SynthData.Cli -c Release -o /tmp/synthdata-bin
//   dotnet run --project bench/PipelineBench -c Release -- /tmp/synthdata-bin/synthdata 10000 100000
var inv = CultureInfo.InvariantCulture;
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: PipelineBench SYNTHDATA_BINARY SAMPLES [SAMPLES...] [--concurrency 128] [--latency-ms 500]");
    return 2;
}

var binary = Path.GetFullPath(args[0]);
var concurrency = Option("--concurrency", 128);
var latencyMs = Option("--latency-ms", 500);
var sizes = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, inv)).ToList();
const int samplesPerProblem = 4;

Console.WriteLine($"concurrency {concurrency}, latency {latencyMs} ms, ideal {concurrency * 1000.0 / latencyMs:0.0} samples/s");
Console.WriteLine("| samples | wall s | sampling s | samples/s | % of ideal | peak RSS MB |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
foreach (var samples in sizes)
{
    var dir = Directory.CreateTempSubdirectory("synthdata-bench-").FullName;
    var perGenerator = (samples / samplesPerProblem + 3) / 4;
    var sources = string.Join("\n", new[] { "arithmetic", "linear_equation", "fractions", "modular_arithmetic" }.Select(g =>
        $"  - generator: {g}\n    count: {perGenerator}\n    difficulty: 5\n    seed: 1"));
    var yamlWithoutEndpoint = $"""
        run:
          output_dir: out
        model:
          provider: openai
          endpoint: ENDPOINT
          name: simulated
          samples_per_problem: {samplesPerProblem}
          concurrency: {concurrency}
          max_tokens: 4096
        sources:
        {sources}
        """;
    var options = ConfigLoader.Parse(yamlWithoutEndpoint.Replace("ENDPOINT", "http://127.0.0.1:1/v1", StringComparison.Ordinal), "bench.yaml");
    var problems = ProblemCollector.Collect(ProblemSourceFactory.Create(options), null, CancellationToken.None).Problems;
    await using var endpoint = await SimulatedEndpoint.StartAsync(
        new SimulatedEndpointOptions { Latency = TimeSpan.FromMilliseconds(latencyMs), Accuracy = 0.7 },
        new SimulatedAnswerBook(problems), CancellationToken.None);
    var config = Path.Combine(dir, "bench.yaml");
    await File.WriteAllTextAsync(config, yamlWithoutEndpoint.Replace("ENDPOINT", endpoint.BaseUrl.ToString(), StringComparison.Ordinal));

    var (exit, peakMb, wall, output) = await Timed(dir, config);

    using var db = new SqliteConnection($"Data Source={Path.Combine(dir, "out", "ledger.db")};Pooling=False;Mode=ReadOnly");
    db.Open();
    using var cmd = db.CreateCommand();
    cmd.CommandText = "SELECT COUNT(*), MIN(created_at), MAX(created_at) FROM attempts";
    using var r = cmd.ExecuteReader();
    r.Read();
    var count = r.GetInt64(0);
    var first = DateTimeOffset.Parse(r.GetString(1), inv);
    var last = DateTimeOffset.Parse(r.GetString(2), inv);
    // The first answer lands one latency after the first request; count the sampling phase from that request.
    var sampling = (last - first).TotalSeconds + latencyMs / 1000.0;
    var rate = count / sampling;
    Console.WriteLine(string.Create(inv, $"| {count} | {wall:0.0} | {sampling:0.0} | {rate:0.0} | {rate / (concurrency * 1000.0 / latencyMs) * 100:0.0}% | {peakMb:0} |"));
    if (exit != 0)
        Console.Error.WriteLine($"run exited {exit}:\n{output}");
    // Resume at scale: a rerun over the finished ledger must decide "nothing left" without regenerating the problems
    // or loading the answered keys.
    var (rerunExit, rerunMb, rerunWall, rerunOutput) = await Timed(dir, config);
    Console.WriteLine(string.Create(inv, $"|   rerun over the finished ledger ({count} attempts): {rerunWall:0.0} s wall, peak RSS {rerunMb:0} MB, exit {rerunExit} |"));
    if (rerunExit != 0)
        Console.Error.WriteLine(rerunOutput);
    Directory.Delete(dir, recursive: true);
}

return 0;

async Task<(int Exit, double PeakMb, double Wall, string Output)> Timed(string dir, string config)
{
    var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = dir };
    foreach (var a in new[] { "-f", "BENCH %M %e", binary, "run", "--config", config })
        psi.ArgumentList.Add(a);
    psi.Environment["CI"] = "true";
    using var p = Process.Start(psi)!;
    var stdout = p.StandardOutput.ReadToEndAsync();
    var stderr = await p.StandardError.ReadToEndAsync();
    await p.WaitForExitAsync();
    var timeLine = stderr.Split('\n').Last(l => l.StartsWith("BENCH ", StringComparison.Ordinal)).Split(' ');
    return (p.ExitCode, long.Parse(timeLine[1], inv) / 1024.0, double.Parse(timeLine[2], inv), await stdout + stderr);
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], inv) : fallback;
}
