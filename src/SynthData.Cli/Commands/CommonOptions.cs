using System.CommandLine;
using SynthData.Config;

namespace SynthData.Cli.Commands;

internal static class CommonOptions
{
    public static Option<string> Config() => new("--config")
    {
        Description = "Pipeline config file",
        DefaultValueFactory = _ => "pipeline.yaml",
        HelpName = "FILE",
    };

    public static PipelineOptions LoadConfig(ParseResult parse, Option<string> option) =>
        Load(parse.GetValue(option) ?? "pipeline.yaml");

    /// <summary>Loads the config and checks the values whose grammar the CLI owns (the simulator's fault spec).</summary>
    public static PipelineOptions Load(string path)
    {
        var options = ConfigLoader.Load(path);
        try
        {
            _ = Simulation.Faults.FaultSpec.Parse(options.Model.Faults);
        }
        catch (FormatException e)
        {
            throw options.ErrorAt("model.faults", e.Message);
        }

        return options;
    }
}
