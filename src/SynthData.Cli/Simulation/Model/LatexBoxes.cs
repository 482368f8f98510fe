using System.Text;
using SynthData.Verification.Math.Extraction;

namespace SynthData.Cli.Simulation.Model;

/// <summary><c>\boxed{...}</c> handling for worked solutions, on the math verifier's own box scanner.</summary>
internal static class LatexBoxes
{
    /// <summary>Replaces every <c>\boxed{X}</c> with <c>X</c>, so worked solutions never leak a boxed answer.</summary>
    public static string Unbox(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        foreach (var box in BoxScanner.FindAll(text))
        {
            if (!box.Balanced)
                break;
            sb.Append(text, i, box.Start - i).Append(box.Content);
            i = box.End;
        }
        return sb.Append(text, i, text.Length - i).ToString();
    }
}
