using SynthData.Common;
using SynthData.Logic;

namespace SynthData.Tests.Logic;

/// <summary>Test helpers for grid families: read the grid from a reference response and write it back in other forms.</summary>
internal static class GridTestKit
{
    /// <summary>The tokens of each row of the reference answer block (space separated, as the families write them).</summary>
    public static string[][] Rows(LogicPuzzle puzzle) =>
        LogicAnswer.Lines(LogicAnswer.Extract(puzzle.ReferenceResponse)!).Select(l => l.Split(' ')).ToArray();

    public static string Answer(IEnumerable<IEnumerable<string>> rows, string separator = " ") =>
        "My answer:\n" + LogicAnswer.Fenced(string.Join('\n', rows.Select(r => string.Join(separator, r))));

    /// <summary>One random cell whose token is not fixed (see <paramref name="isFixed"/>) changed to another of <paramref name="alphabet"/>.</summary>
    public static string CorruptOneCell(LogicPuzzle puzzle, SeededRandom rng, string[] alphabet, Func<int, int, bool> isFixed)
    {
        var rows = Rows(puzzle);
        var free = new List<(int R, int C)>();
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (!isFixed(r, c))
                    free.Add((r, c));
        var (fr, fc) = rng.Pick(free);
        var others = alphabet.Where(a => a != rows[fr][fc]).ToList();
        rows[fr][fc] = rng.Pick(others);
        return Answer(rows);
    }

    public static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany(x => Permutations(items.Where(y => y != x).ToArray()).Select(rest => (int[])[x, .. rest]));

    /// <summary>Every Latin square of order n (values 1..n), by brute force over row permutations (n &lt;= 5).</summary>
    public static List<int[][]> LatinSquares(int n)
    {
        var perms = Permutations(Enumerable.Range(1, n).ToArray()).ToList();
        var all = new List<int[][]>();
        Extend([]);
        return all;

        void Extend(List<int[]> rows)
        {
            if (rows.Count == n)
            {
                all.Add(rows.ToArray());
                return;
            }
            foreach (var p in perms)
                if (rows.All(r => r.Zip(p).All(z => z.First != z.Second)))
                    Extend([.. rows, p]);
        }
    }

    public static int[][] Grid(System.Text.Json.Nodes.JsonNode node) =>
        node.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<int>()).ToArray()).ToArray();
}
