using Spectre.Console;
using Spectre.Console.Rendering;
using SynthData.Cli.Hosting;
using SynthData.Pipeline;

namespace SynthData.Tests.Cli;

public sealed class LivePanelTests
{
    private static string Draw(IRenderable panel)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;
        console.Write(panel);
        return text.ToString();
    }

    [Fact]
    public void Shows_progress_rates_cost_in_flight_and_acceptance_per_domain_as_plain_text()
    {
        var panel = new LivePanel();
        panel.Report(new RunProgress(200, 50, 30, 20, 2, 60)
        {
            PromptTokens = 1000, CompletionTokens = 5000, CostUsd = 0.25, Priced = true, InFlight = 4,
            ByDomain = new Dictionary<string, (int, int)> { ["math"] = (40, 25), ["logic [x]"] = (10, 5) },
        });
        var text = Draw(panel.Render("sampling"));
        Assert.Contains("52/200", text, StringComparison.Ordinal);
        Assert.Contains("ETA", text, StringComparison.Ordinal);
        Assert.Contains("4 in flight", text, StringComparison.Ordinal);
        Assert.Contains("$0.25 so far, $0.9615 projected", text, StringComparison.Ordinal);
        Assert.Contains("25/40 accepted", text, StringComparison.Ordinal);
        Assert.Contains("logic [x]", text, StringComparison.Ordinal); // brackets are text, never markup
        Assert.Contains("[#######", text, StringComparison.Ordinal);
    }

    [Fact]
    public void After_an_interruption_shows_how_far_the_run_really_got()
    {
        var panel = new LivePanel();
        panel.Report(new RunProgress(100, 10, 5, 5, 0, 10));
        var text = Draw(panel.Render("interrupted"));
        Assert.Contains("interrupted", text, StringComparison.Ordinal);
        Assert.Contains("10/100 (10.0 %)", text, StringComparison.Ordinal);
        Assert.Contains("no model.price_per_million", text, StringComparison.Ordinal);
    }
}
