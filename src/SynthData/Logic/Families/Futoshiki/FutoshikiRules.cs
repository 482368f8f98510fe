namespace SynthData.Logic.Families.Futoshiki;

/// <summary>The inequalities of a Futoshiki as flat cell pairs (smaller first), indexed by cell for the solver.</summary>
public sealed class FutoshikiRules
{
    private readonly int _n;
    private readonly List<(int Less, int More)>[] _byCell;

    public FutoshikiRules(int n, IEnumerable<(int Less, int More)> inequalities)
    {
        _n = n;
        _byCell = Enumerable.Range(0, n * n).Select(_ => new List<(int, int)>()).ToArray();
        foreach (var (less, more) in inequalities)
        {
            _byCell[less].Add((less, more));
            _byCell[more].Add((less, more));
        }
    }

    /// <summary>A value of n can never be smaller than a neighbour, nor 1 larger; set pairs must hold.</summary>
    public bool Consistent(int[] grid, int cell)
    {
        foreach (var (less, more) in _byCell[cell])
        {
            int a = grid[less], b = grid[more];
            if ((a != 0 && b != 0 && a >= b) || a == _n || b == 1)
                return false;
        }
        return true;
    }
}
