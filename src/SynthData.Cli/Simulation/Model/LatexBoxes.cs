using System.Text;

namespace SynthData.Cli.Simulation.Model;

/// <summary><c>\boxed{...}</c> handling with balanced braces (answers like <c>\frac{1}{2}</c> nest them).</summary>
internal static class LatexBoxes
{
    private static readonly string[] Commands = [@"\boxed{", @"\fbox{"];

    /// <summary>Replaces every <c>\boxed{X}</c> with <c>X</c>, so worked solutions never leak a boxed answer.</summary>
    public static string Unbox(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var (start, command) = NextCommand(text, i);
            if (start < 0 || !TryClose(text, start + command.Length, out var close))
                break;
            sb.Append(text, i, start - i).Append(text, start + command.Length, close - start - command.Length);
            i = close + 1;
        }
        return sb.Append(text, i, text.Length - i).ToString();
    }

    /// <summary>The content of the last box, or <c>null</c>.</summary>
    public static string? LastBoxed(string text)
    {
        string? last = null;
        var i = 0;
        while (true)
        {
            var (start, command) = NextCommand(text, i);
            if (start < 0 || !TryClose(text, start + command.Length, out var close))
                return last;
            last = text[(start + command.Length)..close];
            i = close + 1;
        }
    }

    private static (int Start, string Command) NextCommand(string text, int from)
    {
        var best = (Start: -1, Command: string.Empty);
        foreach (var command in Commands)
        {
            var at = text.IndexOf(command, from, StringComparison.Ordinal);
            if (at >= 0 && (best.Start < 0 || at < best.Start))
                best = (at, command);
        }
        return best;
    }

    private static bool TryClose(string text, int contentStart, out int close)
    {
        var depth = 1;
        for (close = contentStart; close < text.Length; close++)
        {
            if (text[close] == '{')
                depth++;
            else if (text[close] == '}' && --depth == 0)
                return true;
        }
        return false;
    }
}
