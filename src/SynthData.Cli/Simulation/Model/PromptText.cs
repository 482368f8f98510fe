using System.Text;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// Whitespace normalisation shared by registration and lookup, so a prompt is found however a template re-flows it:
/// Unicode NFC, every whitespace run becomes one space, ends trimmed.
/// </summary>
internal static class PromptText
{
    public static string Normalize(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var c in composed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
                sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
