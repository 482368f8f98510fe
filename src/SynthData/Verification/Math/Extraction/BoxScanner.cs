namespace SynthData.Verification.Math.Extraction;

/// <summary>One <c>\boxed{..}</c> or <c>\fbox{..}</c> occurrence: where it starts and ends and what it holds.</summary>
public readonly record struct Box(int Start, int End, string Content, bool Balanced);

/// <summary>Finds boxed answers with brace matching (iterative, so no nesting depth can overflow the stack).</summary>
public static class BoxScanner
{
    private static readonly string[] Commands = [@"\boxed", @"\fbox"];

    public static List<Box> FindAll(string text)
    {
        var boxes = new List<Box>();
        var position = 0;
        while (NextCommand(text, position) is var (start, afterCommand) && start >= 0)
        {
            var box = Read(text, start, afterCommand);
            boxes.Add(box);
            if (!box.Balanced)
                break;
            position = box.End;
        }
        return boxes;
    }

    /// <summary>The content of the last box; null when there is none or it is unclosed (a broken box is no answer).</summary>
    public static string? LastContent(string text) =>
        FindAll(text) is [.., { Balanced: true } last] ? last.Content : null;

    private static (int Start, int After) NextCommand(string text, int from)
    {
        var best = (-1, -1);
        foreach (var command in Commands)
        {
            var i = text.IndexOf(command, from, StringComparison.Ordinal);
            // \boxedfoo is another command; \boxed{, \boxed 5 and \boxed5 are boxes.
            while (i >= 0 && i + command.Length < text.Length && char.IsAsciiLetter(text[i + command.Length]))
                i = text.IndexOf(command, i + 1, StringComparison.Ordinal);
            if (i >= 0 && (best.Item1 < 0 || i < best.Item1))
                best = (i, i + command.Length);
        }
        return best;
    }

    private static Box Read(string text, int start, int position)
    {
        while (position < text.Length && text[position] == ' ')
            position++;
        if (position >= text.Length)
            return new Box(start, text.Length, "", Balanced: false);
        if (text[position] != '{')
        {
            // \boxed 5: TeX takes one token; we take up to the next space or math delimiter.
            var end = position;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '$' && text[end] != '\\')
                end++;
            return new Box(start, end, text[position..end], Balanced: true);
        }
        if (MatchingBrace(text, position) is var close && close < 0)
            return new Box(start, text.Length, "", Balanced: false);
        return new Box(start, close + 1, text[(position + 1)..close], Balanced: true);
    }

    /// <summary>Index of the brace closing the one at <paramref name="open"/>, skipping escaped <c>\{ \}</c>; -1 if none.</summary>
    public static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    if (--depth == 0)
                        return i;
                    break;
            }
        }
        return -1;
    }
}
