using System.CommandLine;
using SynthData.Problems;

namespace SynthData.Cli.Commands;

internal static class GeneratorsCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("generators", "List the problem generators");
        command.SetAction(parse =>
        {
            var all = GeneratorCatalog.All.ToList();
            var width = all.Count == 0 ? 4 : all.Max(g => g.Name.Length);
            foreach (var g in all)
                io.Out.WriteLine($"{g.Name.PadRight(width)}  {g.Domain.ToWire(),-5}  levels 1-{g.MaxDifficulty}  {g.Description}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
