using System.Diagnostics;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;

// Logic family throughput on one core. Usage: dotnet run -c Release --project bench/LogicBench [-- FAMILY... [--seconds S]]
// Per family: problems generated per second at each level (seeded streams, as the pipeline draws them), and checks
// per second of the reference responses against their instances (after a JSON round trip, as RL rows carry them).
// Rates are per second of this process's CPU time, not wall time: on a shared machine wall-clock rates measure the
// neighbours' load, CPU time measures the code (one thread does the work; GC and JIT threads add a little).

var seconds = 1.0;
var names = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--seconds" && i + 1 < args.Length)
        seconds = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    else
        names.Add(args[i]);
}
var families = names.Count == 0 ? LogicFamilies.All : names.Select(n => LogicFamilies.Find(n)
    ?? throw new ArgumentException($"unknown logic family '{n}'; known: {string.Join(", ", LogicFamilies.All.Select(f => f.Name))}")).ToList();

Console.WriteLine($"cores: {Environment.ProcessorCount}, runtime: {Environment.Version}, {seconds:0.#} CPU-s per measurement");
Console.WriteLine("| family | problems/s L1 | L2 | L3 | L4 | L5 | checks/s (reference, L1-5 mix) |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var family in families)
{
    var perLevel = new List<string>();
    var samples = new List<(JsonObject Instance, string Response)>();
    for (var level = 1; level <= family.MaxDifficulty; level++)
    {
        family.Generate(SeededRandom.ForItem(-1, 0, family.Name), level); // JIT
        var count = 0;
        var started = CpuSeconds();
        while (CpuSeconds() - started < seconds || count < 3)
        {
            var puzzle = family.Generate(SeededRandom.ForItem(level, count, family.Name), level);
            if (count < 200)
                samples.Add((JsonNode.Parse(puzzle.Instance.ToJsonString())!.AsObject(), puzzle.ReferenceResponse));
            count++;
        }
        perLevel.Add(Rate(count / (CpuSeconds() - started)));
    }

    foreach (var (instance, response) in samples)
        if (!family.Check(instance, response).Accepted)
            throw new InvalidOperationException($"{family.Name}: a reference response was rejected");
    var checks = 0;
    var t0 = CpuSeconds();
    while (CpuSeconds() - t0 < seconds)
    {
        foreach (var (instance, response) in samples)
            family.Check(instance, response);
        checks += samples.Count;
    }
    Console.WriteLine($"| {family.Name} | {string.Join(" | ", perLevel)} | {Rate(checks / (CpuSeconds() - t0))} |");
}

static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

static string Rate(double perSecond) => perSecond >= 100 ? perSecond.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)
    : perSecond.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
