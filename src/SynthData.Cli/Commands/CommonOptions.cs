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

    /// <summary>The run's existing ledger; a missing one is a usage error that says what to do.</summary>
    public static Ledger.RunLedger OpenLedger(PipelineOptions options) =>
        Ledger.RunLedger.Exists(options)
            ? Ledger.RunLedger.Open(options)
            : throw new UsageException($"no ledger in {options.OutputDirectory}; run 'synthdata run' first");

    public static PipelineOptions LoadConfig(ParseResult parse, Option<string> option) =>
        Load(parse.GetValue(option) ?? "pipeline.yaml");

    /// <summary>Loads the config, with the values whose grammar the CLI owns (the simulator's fault spec) checked alongside.</summary>
    public static PipelineOptions Load(string path) => ConfigLoader.Load(path, FaultSpecCheck);

    private static IEnumerable<(string Key, string Message)> FaultSpecCheck(PipelineOptions options)
    {
        string? error = null;
        try
        {
            _ = Simulation.Faults.FaultSpec.Parse(options.Model.Faults);
        }
        catch (FormatException e)
        {
            error = e.Message;
        }

        if (error is not null)
            yield return ("model.faults", error);
    }
}
