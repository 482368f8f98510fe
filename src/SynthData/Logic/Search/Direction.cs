namespace SynthData.Logic.Search;

/// <summary>The four grid directions shared by the sliding, maze and pushing families.</summary>
public enum Direction
{
    Up,
    Down,
    Left,
    Right,
}

public static class Directions
{
    public static IReadOnlyList<Direction> All { get; } = [Direction.Up, Direction.Down, Direction.Left, Direction.Right];

    public static int DRow(this Direction d) => d switch { Direction.Up => -1, Direction.Down => 1, _ => 0 };

    public static int DCol(this Direction d) => d switch { Direction.Left => -1, Direction.Right => 1, _ => 0 };

    public static string Word(this Direction d) => d switch
    {
        Direction.Up => "up",
        Direction.Down => "down",
        Direction.Left => "left",
        _ => "right",
    };

    public static char Letter(this Direction d) => char.ToUpperInvariant(d.Word()[0]);

    public static Direction Opposite(this Direction d) => d switch
    {
        Direction.Up => Direction.Down,
        Direction.Down => Direction.Up,
        Direction.Left => Direction.Right,
        _ => Direction.Left,
    };

    /// <summary>Parses a direction word or its first letter, any case (up/u, down/d, left/l, right/r).</summary>
    public static bool TryParse(string token, out Direction direction)
    {
        switch (token.Trim().ToLowerInvariant())
        {
            case "u" or "up": direction = Direction.Up; return true;
            case "d" or "down": direction = Direction.Down; return true;
            case "l" or "left": direction = Direction.Left; return true;
            case "r" or "right": direction = Direction.Right; return true;
            default: direction = Direction.Up; return false;
        }
    }
}
