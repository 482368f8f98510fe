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
        ConfigLoader.Load(parse.GetValue(option) ?? "pipeline.yaml");
}
