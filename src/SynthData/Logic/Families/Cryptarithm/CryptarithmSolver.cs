namespace SynthData.Logic.Families.Cryptarithm;

/// <summary>
/// Solves a letter addition (each letter a different digit, no leading zeros) column by column from the units,
/// assigning the addends' letters of a column and deriving the sum's letter from the column sum and carry. Counts
/// solutions up to a limit, so a generator can prove a puzzle has exactly one.
/// </summary>
internal sealed class CryptarithmSolver
{
    private readonly int[][] _addends; // letter indices, least significant first
    private readonly int[] _result;
    private readonly bool[] _leading;
    private readonly int[] _digitOf;
    private readonly int[] _letterOf = new int[10];
    private int _limit;
    private int _found;

    public int[]? FirstSolution { get; private set; }

    public CryptarithmSolver(IReadOnlyList<string> addends, string result)
    {
        var letters = addends.Append(result).SelectMany(w => w).Distinct().ToList();
        _addends = addends.Select(w => w.Reverse().Select(c => letters.IndexOf(c)).ToArray()).ToArray();
        _result = result.Reverse().Select(c => letters.IndexOf(c)).ToArray();
        _leading = new bool[letters.Count];
        foreach (var w in addends.Append(result).Where(w => w.Length > 1))
            _leading[letters.IndexOf(w[0])] = true;
        _digitOf = Enumerable.Repeat(-1, letters.Count).ToArray();
        Letters = letters;
    }

    /// <summary>The distinct letters, in the order solutions list their digits.</summary>
    public IReadOnlyList<char> Letters { get; }

    /// <summary>How many solutions there are, counting no further than <paramref name="limit"/>.</summary>
    public int Count(int limit)
    {
        if (_addends.Any(a => a.Length > _result.Length))
            return 0;
        Array.Fill(_letterOf, -1);
        _limit = limit;
        _found = 0;
        FirstSolution = null;
        Column(0, 0, 0, 0);
        return _found;
    }

    private void Column(int col, int carry, int addend, int sum)
    {
        if (_found >= _limit)
            return;
        if (col == _result.Length)
        {
            if (carry == 0)
            {
                _found++;
                FirstSolution ??= (int[])_digitOf.Clone();
            }
            return;
        }
        if (addend < _addends.Length)
        {
            var word = _addends[addend];
            if (col >= word.Length)
            {
                Column(col, carry, addend + 1, sum);
                return;
            }
            var letter = word[col];
            if (_digitOf[letter] >= 0)
            {
                Column(col, carry, addend + 1, sum + _digitOf[letter]);
                return;
            }
            for (var d = _leading[letter] ? 1 : 0; d <= 9; d++)
            {
                if (_letterOf[d] >= 0)
                    continue;
                Assign(letter, d);
                Column(col, carry, addend + 1, sum + d);
                Unassign(letter, d);
            }
            return;
        }
        var total = sum + carry;
        var digit = total % 10;
        var target = _result[col];
        if (_digitOf[target] >= 0)
        {
            if (_digitOf[target] == digit)
                Column(col + 1, total / 10, 0, 0);
            return;
        }
        if (_letterOf[digit] >= 0 || (digit == 0 && _leading[target]))
            return;
        Assign(target, digit);
        Column(col + 1, total / 10, 0, 0);
        Unassign(target, digit);
    }

    private void Assign(int letter, int digit)
    {
        _digitOf[letter] = digit;
        _letterOf[digit] = letter;
    }

    private void Unassign(int letter, int digit)
    {
        _digitOf[letter] = -1;
        _letterOf[digit] = -1;
    }
}
