using System.Text;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// The "model that never stops" tail: it keeps re-checking earlier lines until it has written more than the token
/// budget, so the endpoint's cut always lands inside it and the choice ends with <c>finish_reason: length</c>.
/// </summary>
internal static class Runaway
{
    private static readonly string[] Lead =
    [
        "Wait, let me re-check this part:",
        "Hmm, before going on I should verify:",
        "Actually, let me look at this again:",
        "Let me make sure this is right:",
    ];

    private static readonly string[] Filler =
    [
        "I think the setup is right, but I want to be careful about what exactly is being asked.",
        "Let me reconsider the relationships between the quantities before committing to anything.",
    ];

    public static string Extend(string opening, IReadOnlyList<string> recheck, int tokenBudget)
    {
        var lines = recheck.Count > 0 ? recheck : Filler;
        var sb = new StringBuilder(opening);
        var tokens = SimpleTokenizer.Count(opening);
        for (var i = 0; tokens <= tokenBudget; i++)
        {
            var line = $"\n\n{Lead[i % Lead.Length]} {lines[i % lines.Count]}";
            sb.Append(line);
            tokens += SimpleTokenizer.Count(line);
        }
        return sb.ToString();
    }
}
