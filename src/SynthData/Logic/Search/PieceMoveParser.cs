namespace SynthData.Logic.Search;

/// <summary>One parsed `piece direction [steps]` line.</summary>
public readonly record struct PieceMove(char Piece, Direction Direction, int Steps);

/// <summary>
/// Parses `piece direction [steps]` move lines (Klotski, Rush Hour). Lenient on form: any case, punctuation such as
/// `B: down (2)` or `B -> down`, a leading move number `3.`, and filler words (`move B down by 2 cells`). Strict on
/// content: exactly a one-letter piece, a direction, and an optional step count from 1 to <c>maxSteps</c>.
/// </summary>
public static class PieceMoveParser
{
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "move", "moves", "piece", "block", "car", "vehicle", "by", "step", "steps", "cell", "cells", "square", "squares",
        "space", "spaces", "times",
    };

    public static (PieceMove Move, string? Error) Parse(string line, int maxSteps)
    {
        var cleaned = new string(line.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : ' ').ToArray());
        var tokens = cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !Filler.Contains(t)).ToList();
        if (tokens.Count >= 3 && tokens[0].All(char.IsAsciiDigit))
            tokens.RemoveAt(0);
        if (tokens.Count is < 2 or > 3 || tokens[0].Length != 1 || !char.IsAsciiLetter(tokens[0][0]))
            return (default, $"'{MoveLetters.Clip(line)}' is not `piece direction [steps]`");
        if (!Directions.TryParse(tokens[1], out var direction))
            return (default, $"'{MoveLetters.Clip(tokens[1])}' is not a direction (up, down, left, right)");
        var steps = 1;
        if (tokens.Count == 3 && (!int.TryParse(tokens[2], out steps) || steps < 1 || steps > maxSteps))
            return (default, $"'{MoveLetters.Clip(tokens[2])}' is not a step count from 1 to {maxSteps}");
        return (new PieceMove(char.ToUpperInvariant(tokens[0][0]), direction, steps), null);
    }

    public static string Format(char piece, Direction direction, int steps) =>
        steps == 1 ? $"{piece} {direction.Word()}" : $"{piece} {direction.Word()} {steps}";
}
