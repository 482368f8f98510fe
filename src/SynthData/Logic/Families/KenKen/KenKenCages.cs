using SynthData.Common;

namespace SynthData.Logic.Families.KenKen;

/// <summary>Partitions a grid into connected cages and splits a cage when the solver finds a second solution.</summary>
public sealed class KenKenCages(int n, int[][] solution, SeededRandom rng)
{
    private readonly List<KenKenCage> _cages = [];
    private readonly int[] _cageOf = new int[n * n];

    public IReadOnlyList<KenKenCage> Cages => _cages;

    public void Partition(int maxSize)
    {
        var free = Enumerable.Repeat(true, n * n).ToArray();
        var order = Enumerable.Range(0, n * n).ToList();
        rng.Shuffle(order);
        foreach (var start in order)
        {
            if (!free[start])
                continue;
            var size = rng.Next(1, maxSize);
            if (size == 1 && rng.Chance(0.5))
                size = 2; // single cells are givens; keep them rare
            var cells = new List<int> { start };
            free[start] = false;
            while (cells.Count < size)
            {
                var next = cells.SelectMany(Neighbours).Where(c => free[c]).Distinct().ToList();
                if (next.Count == 0)
                    break;
                var pick = rng.Pick(next);
                free[pick] = false;
                cells.Add(pick);
            }
            Add(cells);
        }
    }

    /// <summary>Takes <paramref name="cell"/> out of its cage as a one-cell cage; the rest splits into connected cages.</summary>
    public void Split(int cell)
    {
        var old = _cages[_cageOf[cell]];
        _cages[_cageOf[cell]] = null!;
        var rest = old.Cells.Where(c => c != cell).ToHashSet();
        Add([cell]);
        while (rest.Count > 0)
        {
            var part = new List<int> { rest.First() };
            rest.Remove(part[0]);
            for (var k = 0; k < part.Count; k++)
                foreach (var nb in Neighbours(part[k]).Where(rest.Contains).ToList())
                {
                    rest.Remove(nb);
                    part.Add(nb);
                }
            Add(part);
        }
        var kept = _cages.Where(c => c is not null).ToList();
        _cages.Clear();
        foreach (var c in kept)
            Add(c.Cells.ToList(), c);
    }

    public bool Consistent(int[] grid, int cell) => _cages[_cageOf[cell]].Feasible(grid, n);

    private void Add(List<int> cells, KenKenCage? existing = null)
    {
        cells.Sort();
        var cage = existing ?? KenKenCage.For(cells.ToArray(), cells.Select(c => solution[c / n][c % n]).ToArray(), rng);
        foreach (var c in cells)
            _cageOf[c] = _cages.Count;
        _cages.Add(cage);
    }

    private IEnumerable<int> Neighbours(int c)
    {
        if (c % n > 0) yield return c - 1;
        if (c % n < n - 1) yield return c + 1;
        if (c >= n) yield return c - n;
        if (c < n * (n - 1)) yield return c + n;
    }
}
