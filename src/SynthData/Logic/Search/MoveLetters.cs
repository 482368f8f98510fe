namespace SynthData.Logic.Search;

/// <summary>
/// Parses a U/D/L/R move string (maze, Sokoban): letters in any case, optionally separated by spaces, commas or
/// newlines, and the words up/down/left/right. Anything else is an error naming the offending token.
/// </summary>
public static class MoveLetters
{
    public static (List<Direction> Moves, string? Error) Parse(string answer)
    {
        var moves = new List<Direction>();
        foreach (var line in LogicAnswer.Lines(answer))
        {
            foreach (var token in LogicAnswer.Tokens(line.Trim('[', ']', '(', ')', '"', '\'')))
            {
                var t = token.Trim('[', ']', '(', ')', '"', '\'', '.');
                if (t.Length == 0)
                    continue;
                if (t.Length > 1 && Directions.TryParse(t, out var word))
                {
                    moves.Add(word);
                }
                else
                {
                    foreach (var c in t)
                    {
                        if (!Directions.TryParse(c.ToString(), out var d))
                            return (moves, $"'{Clip(t)}' is not a move (expected letters U, D, L, R)");
                        moves.Add(d);
                    }
                }
                if (moves.Count > PathGrade.MaxMoves)
                    return (moves, $"more than {PathGrade.MaxMoves} moves");
            }
        }
        return (moves, moves.Count == 0 ? "the answer block holds no moves" : null);
    }

    public static string Format(IEnumerable<Direction> moves) => string.Concat(moves.Select(m => m.Letter()));

    internal static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "...";
}
