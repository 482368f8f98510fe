using System.CommandLine;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Faults;
using SynthData.Cli.Simulation.Model;
using SynthData.Config;
using SynthData.Pipeline;
using SynthData.Problems;
using SynthData.Problems.Datasets;

namespace SynthData.Cli.Commands;

internal static class SimulateEndpointCommand
{
    public static Command Create(CliIO io)
    {
        var port = new Option<int>("--port") { Description = "Loopback port (0: any free port)", DefaultValueFactory = _ => 8000, HelpName = "N" };
        var accuracy = new Option<double>("--accuracy") { Description = "Probability that a response is correct", DefaultValueFactory = _ => 0.7, HelpName = "P" };
        var spread = new Option<double>("--difficulty-spread") { Description = "Per-problem difficulty spread (0: every problem at --accuracy)", DefaultValueFactory = _ => 0, HelpName = "S" };
        var faults = new Option<string?>("--faults") { Description = "Fault injection, e.g. 429=0.1,500=0.05,hang=0.02", HelpName = "SPEC" };
        var latency = new Option<int>("--latency-ms") { Description = "Fixed delay before each answer", DefaultValueFactory = _ => 0, HelpName = "MS" };
        var problems = new Option<string[]>("--problems") { Description = "Problem files the simulated model knows the answers to (JSONL)", HelpName = "FILE", AllowMultipleArgumentsPerToken = true };
        var config = new Option<string?>("--config") { Description = "Also learn the problems of this pipeline config's sources", HelpName = "FILE" };
        var command = new Command("simulate-endpoint", "Serve the simulated OpenAI-compatible model on loopback until Ctrl-C")
        {
            port, accuracy, spread, faults, latency, problems, config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var acc = parse.GetValue(accuracy);
            if (acc is < 0 or > 1)
                throw new UsageException("--accuracy must be between 0 and 1");
            FaultSpec spec;
            try
            {
                spec = FaultSpec.Parse(parse.GetValue(faults));
            }
            catch (FormatException e)
            {
                throw new UsageException($"--faults: {e.Message}");
            }

            var known = new List<Problem>();
            foreach (var file in parse.GetValue(problems) ?? [])
                known.AddRange(ReadProblems(file, io));
            if (parse.GetValue(config) is { } cfg)
            {
                var options = CommonOptions.Load(cfg);
                known.AddRange(ProblemCollector.Collect(ProblemSourceFactory.Create(options), null, ct).Problems);
            }

            await using var endpoint = await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions
            {
                Port = parse.GetValue(port),
                Accuracy = acc,
                DifficultySpread = parse.GetValue(spread) is var s and >= 0 and <= 10 ? s : throw new UsageException("--difficulty-spread must be between 0 and 10"),
                Faults = spec,
                Latency = TimeSpan.FromMilliseconds(parse.GetValue(latency)),
            }, new SimulatedAnswerBook(known), ct).ConfigureAwait(false);
            await io.Error.WriteLineAsync($"simulated endpoint on {endpoint.BaseUrl} ({known.Count} known problems); Ctrl-C to stop").ConfigureAwait(false);
            await Hosting.StopSignal.WaitAsync(ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IEnumerable<Problem> ReadProblems(string file, CliIO io)
    {
        if (!File.Exists(file))
            throw new UsageException($"problem file not found: {file}");
        var source = ProblemSourceFactory.ForFile(file, file, null, null, new FieldMapOptions());
        foreach (var item in source.Read(CancellationToken.None))
        {
            if (item.Problem is { } p)
                yield return p;
            else
                io.Error.WriteLine($"skipped: {item.Error}");
        }
    }
}
