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
}
