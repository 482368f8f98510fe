using System.CommandLine;
using SynthData.Problems;

namespace SynthData.Cli.Commands;

internal static class GenerateCommand
{
    public static Command Create(CliIO io)
    {
        var generator = new Option<string>("--generator") { Description = "Generator name (see 'synthdata generators')", Required = true, HelpName = "NAME" };
        var count = new Option<int>("--count") { Description = "Number of problems", DefaultValueFactory = _ => 10, HelpName = "N" };
        var seed = new Option<long>("--seed") { Description = "Seed: same seed, same problems", DefaultValueFactory = _ => 0, HelpName = "S" };
        var difficulty = new Option<int>("--difficulty") { Description = "Difficulty level", DefaultValueFactory = _ => 1, HelpName = "D" };
        var command = new Command("generate", "Print generated problems as JSONL on stdout") { generator, count, seed, difficulty };
        command.SetAction(async parse =>
        {
            var name = parse.GetValue(generator)!;
            if (!GeneratorCatalog.TryGet(name, out var g))
                throw new UsageException($"unknown generator '{name}'; available: {string.Join(", ", GeneratorCatalog.All.Select(x => x.Name))}");
            var n = parse.GetValue(count);
            var d = parse.GetValue(difficulty);
            if (n < 0)
                throw new UsageException("--count must be 0 or more");
            if (d < 1 || d > g.MaxDifficulty)
                throw new UsageException($"--difficulty must be 1..{g.MaxDifficulty} for {name}");
            foreach (var p in GeneratorRunner.Generate(g, parse.GetValue(seed), d, n))
                await io.Out.WriteLineAsync(ProblemJson.Serialize(p)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
