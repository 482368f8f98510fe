namespace SynthData.Logic.Search;

/// <summary>One parsed `piece direction [steps]` line.</summary>
public readonly record struct PieceMove(char Piece, Direction Direction, int Steps);

/// <summary>
/// Parses `piece direction [steps]` move lines (Klotski, Rush Hour). Lenient on form: any case, punctuation such as
/// `B: down (2)` or `B -> down`, a leading move number `3.`, and filler words (`move B down by 2 cells`). Strict on
/// content: exactly a one-letter piece, a direction, and an optional step count from 1 to <c>maxSteps</c>.
/// Tokenises over spans without allocating: checkers replay tens of moves per answer at >= 100,000 answers/s.
/// </summary>
public static class PieceMoveParser
{
    private static readonly string[] Filler =
    [
        "move", "moves", "piece", "block", "car", "vehicle", "by", "step", "steps", "cell", "cells", "square", "squares",
        "space", "spaces", "times",
    ];

    private const int MaxTokens = 4;

    public static (PieceMove Move, string? Error) Parse(string line, int maxSteps)
    {
        Span<Range> tokens = stackalloc Range[MaxTokens];
        var count = 0;
        var span = line.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            if (!char.IsAsciiLetterOrDigit(span[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < span.Length && char.IsAsciiLetterOrDigit(span[i]))
                i++;
            if (IsFiller(span[start..i]))
                continue;
            if (count == 0 && i < span.Length && IsNumber(span[start..i]))
                continue; // a leading move number such as "3." or "3)"
            if (count == MaxTokens)
                return (default, NotAMove(line));
            tokens[count++] = start..i;
        }
        if (count is < 2 or > 3 || span[tokens[0]].Length != 1 || !char.IsAsciiLetter(span[tokens[0]][0]))
            return (default, NotAMove(line));
        var dirToken = span[tokens[1]];
        if (!TryDirection(dirToken, out var direction))
            return (default, $"'{MoveLetters.Clip(dirToken.ToString())}' is not a direction (up, down, left, right)");
        var steps = 1;
        if (count == 3 && (!int.TryParse(span[tokens[2]], out steps) || steps < 1 || steps > maxSteps))
            return (default, $"'{MoveLetters.Clip(span[tokens[2]].ToString())}' is not a step count from 1 to {maxSteps}");
        return (new PieceMove(char.ToUpperInvariant(span[tokens[0]][0]), direction, steps), null);
    }

    public static string Format(char piece, Direction direction, int steps) =>
        steps == 1 ? $"{piece} {direction.Word()}" : $"{piece} {direction.Word()} {steps}";

    private static bool TryDirection(ReadOnlySpan<char> token, out Direction direction)
    {
        foreach (var d in Directions.All)
        {
            if (token.Equals(d.Word(), StringComparison.OrdinalIgnoreCase)
                || (token.Length == 1 && char.ToUpperInvariant(token[0]) == d.Letter()))
            {
                direction = d;
                return true;
            }
        }
        direction = Direction.Up;
        return false;
    }

    private static bool IsFiller(ReadOnlySpan<char> token)
    {
        foreach (var f in Filler)
            if (token.Equals(f, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    private static bool IsNumber(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
            if (!char.IsAsciiDigit(c))
                return false;
        return true;
    }

    private static string NotAMove(string line) => $"'{MoveLetters.Clip(line)}' is not `piece direction [steps]`";
}
