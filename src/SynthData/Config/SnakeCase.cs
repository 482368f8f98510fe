using System.Text;

namespace SynthData.Config;

internal static class SnakeCase
{
    /// <summary><c>SamplesPerProblem</c> → <c>samples_per_problem</c>; <c>ThinkTags</c> → <c>think_tags</c>.</summary>
    public static string From(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
