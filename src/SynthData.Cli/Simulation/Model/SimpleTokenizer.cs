namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// The simulator's deterministic stand-in for a real tokenizer, used for usage counts and <c>max_tokens</c> cuts.
/// A token is a run of up to 8 letters, a run of up to 3 digits, or any other single character (a surrogate pair
/// counts as one); whitespace is never a token of its own but belongs to the token after it. English prose comes out
/// at roughly one token per 4–5 characters, close enough to BPE tokenizers for budgeting tests.
/// </summary>
public static class SimpleTokenizer
{
    private const int MaxLetters = 8;
    private const int MaxDigits = 3;

    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var pos = NextEnd(text, 0); pos > 0; pos = NextEnd(text, pos))
            count++;
        return count;
    }

    /// <summary>The longest prefix of <paramref name="text"/> holding at most <paramref name="maxTokens"/> tokens.</summary>
    public static string Truncate(string text, int maxTokens, out int tokens, out bool truncated)
    {
        tokens = 0;
        var end = 0;
        for (var pos = NextEnd(text, 0); pos > 0; pos = NextEnd(text, pos))
        {
            if (tokens == maxTokens)
            {
                truncated = true;
                return text[..end];
            }
            tokens++;
            end = pos;
        }
        truncated = false;
        return text;
    }

    /// <summary>Splits text into pieces of <paramref name="tokensPerPiece"/> tokens (streaming deltas); the pieces concatenate to the text.</summary>
    public static IEnumerable<string> Pieces(string text, int tokensPerPiece)
    {
        var start = 0;
        var inPiece = 0;
        for (var pos = NextEnd(text, 0); pos > 0; pos = NextEnd(text, pos))
        {
            if (++inPiece == tokensPerPiece)
            {
                yield return text[start..pos];
                start = pos;
                inPiece = 0;
            }
        }
        if (start < text.Length)
            yield return text[start..];
    }

    /// <summary>End index of the token starting at or after <paramref name="start"/>, or 0 when none is left.</summary>
    private static int NextEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        if (i == text.Length)
            return 0;

        var c = text[i];
        if (char.IsLetter(c))
            return RunEnd(text, i, MaxLetters, char.IsLetter);
        if (char.IsAsciiDigit(c))
            return RunEnd(text, i, MaxDigits, char.IsAsciiDigit);
        return char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? i + 2 : i + 1;
    }

    private static int RunEnd(ReadOnlySpan<char> text, int i, int max, Func<char, bool> member)
    {
        var end = i + 1;
        while (end < text.Length && end - i < max && member(text[end]))
            end++;
        return end;
    }
}
