using System.Text;

namespace SynthData.Filtering;

/// <summary>The word-level views of text that dedup, decontamination and quality filters compare.</summary>
public static class TextTokens
{
    /// <summary>Lower-cased runs of letters and digits (compatibility-normalised): the words of n-gram overlap.</summary>
    public static List<string> Words(string text) => Split(text, keepSymbols: false);

    /// <summary>Words plus every other visible character as its own token, so <c>3+4</c> and <c>3-4</c> differ.</summary>
    public static List<string> Tokens(string text) => Split(text, keepSymbols: true);

    private static List<string> Split(string text, bool keepSymbols)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush(sb, tokens);
            if (keepSymbols && !char.IsWhiteSpace(c))
                tokens.Add(c.ToString());
        }

        Flush(sb, tokens);
        return tokens;
    }

    /// <summary>Text equal up to case, Unicode compatibility forms and whitespace gives the same key.</summary>
    public static string ExactKey(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c))
                sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>Hashes of the <paramref name="n"/>-token windows; a text shorter than n is one window.</summary>
    public static IEnumerable<ulong> NgramHashes(IReadOnlyList<string> tokens, int n)
    {
        if (tokens.Count == 0)
            yield break;
        if (tokens.Count < n)
        {
            yield return Hash64.Of(tokens, 0, tokens.Count);
            yield break;
        }

        for (var i = 0; i + n <= tokens.Count; i++)
            yield return Hash64.Of(tokens, i, n);
    }

    private static void Flush(StringBuilder sb, List<string> into)
    {
        if (sb.Length == 0)
            return;
        into.Add(sb.ToString());
        sb.Clear();
    }
}
