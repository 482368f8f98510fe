namespace SynthData.Logic.Families.KenKen;

/// <summary>A cage: its cells (flat, row-major) combine with <see cref="Op"/> (+ - * / or = for one cell) to <see cref="Target"/>.</summary>
public sealed record KenKenCage(char Op, int Target, int[] Cells)
{
    public const string Ops = "+-*/=";

    /// <summary>Whether the values (in any order) make the target; - and / take the larger first.</summary>
    public bool Holds(IReadOnlyList<int> values) => Op switch
    {
        '+' => values.Sum() == Target,
        '*' => values.Aggregate(1L, (p, v) => p * v) == Target,
        '-' => values.Count == 2 && Math.Abs(values[0] - values[1]) == Target,
        '/' => values.Count == 2 && Math.Min(values[0], values[1]) > 0
               && Math.Max(values[0], values[1]) == Target * Math.Min(values[0], values[1]),
        _ => values.Count == 1 && values[0] == Target,
    };

    /// <summary>Whether a partial assignment (0 = empty) can still make the target, for the solver.</summary>
    public bool Feasible(int[] grid, int n)
    {
        int filled = 0, sum = 0;
        long product = 1;
        foreach (var c in Cells)
        {
            var v = grid[c];
            if (v == 0)
                continue;
            filled++;
            sum += v;
            product *= v;
        }
        var open = Cells.Length - filled;
        if (open == 0)
            return Holds(Cells.Select(c => grid[c]).ToArray());
        return Op switch
        {
            '+' => sum + open <= Target && sum + open * n >= Target,
            '*' => Target % product == 0,
            _ => true,
        };
    }

    /// <summary>The operation that fits these solution values: random among those that apply.</summary>
    public static KenKenCage For(int[] cells, int[] values, Common.SeededRandom rng)
    {
        if (cells.Length == 1)
            return new KenKenCage('=', values[0], cells);
        var options = new List<char> { '+' };
        if (values.Aggregate(1L, (p, v) => p * v) <= 720)
            options.Add('*');
        if (cells.Length == 2)
        {
            options.Add('-');
            if (Math.Max(values[0], values[1]) % Math.Min(values[0], values[1]) == 0)
                options.Add('/');
        }
        var op = rng.Pick(options);
        var target = op switch
        {
            '+' => values.Sum(),
            '*' => (int)values.Aggregate(1L, (p, v) => p * v),
            '-' => Math.Abs(values[0] - values[1]),
            _ => Math.Max(values[0], values[1]) / Math.Min(values[0], values[1]),
        };
        return new KenKenCage(op, target, cells);
    }
}
