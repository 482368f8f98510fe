using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Sudoku;

namespace SynthData.Tests.Logic;

public sealed class SudokuTests() : LogicFamilyContract(new SudokuFamily())
{
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var givens = puzzle.Instance["givens"]!.AsArray();
        var n = givens.Count;
        var digits = Enumerable.Range(1, n).Select(d => d.ToString()).ToArray();
        return GridTestKit.CorruptOneCell(puzzle, rng, digits, (r, c) => givens[r]![c]!.GetValue<int>() != 0);
    }

    [Theory]
    [InlineData(", ")]
    [InlineData(" | ")]
    [InlineData("")]
    public void Other_separators_and_brackets_are_accepted(string separator)
    {
        foreach (var level in new[] { 1, 4 })
        {
            var puzzle = Make(Family, 11, level);
            var rows = GridTestKit.Rows(puzzle);
            var text = "<think>try</think>Final answer:\n```text\n" + string.Join('\n', rows.Select(r => "[" + string.Join(separator, r) + "]")) + "\n```";
            var verdict = Family.Check(puzzle.Instance, text);
            Assert.True(verdict.Accepted, verdict.Reason);
        }
    }

    [Fact]
    public void A_hand_solved_4x4_is_accepted_and_a_changed_given_or_repeat_is_rejected()
    {
        // 1 2 | 3 4 / 3 4 | 1 2 / 2 1 | 4 3 / 4 3 | 2 1, solved by hand from these givens.
        var instance = new System.Text.Json.Nodes.JsonObject
        {
            ["family"] = "sudoku", ["box_rows"] = 2, ["box_cols"] = 2,
            ["givens"] = System.Text.Json.Nodes.JsonNode.Parse("[[1,0,0,4],[0,4,0,0],[0,0,4,0],[4,0,0,1]]"),
        };
        Assert.True(Family.Check(instance, "```\n1 2 3 4\n3 4 1 2\n2 1 4 3\n4 3 2 1\n```").Accepted);
        var swapped = Family.Check(instance, "```\n1 3 2 4\n2 4 1 3\n3 1 4 2\n4 2 3 1\n```"); // a valid Sudoku, same givens
        Assert.True(swapped.Accepted, swapped.Reason);
        var changedGiven = Family.Check(instance, "```\n2 1 3 4\n3 4 1 2\n1 2 4 3\n4 3 2 1\n```");
        Assert.False(changedGiven.Accepted);
        Assert.Equal(0, changedGiven.Score);
        var repeat = Family.Check(instance, "```\n1 2 3 4\n3 4 1 2\n2 1 4 3\n4 3 1 1\n```");
        Assert.False(repeat.Accepted);
        Assert.InRange(repeat.Score, 0.5, 0.99);
    }

    [Fact]
    public void Level_one_puzzles_have_exactly_one_solution_by_brute_force()
    {
        // Enumerate all 4x4 Sudoku grids without the solver, then count those that match each puzzle's givens.
        var all = new List<int[]>();
        var perms = Permutations([1, 2, 3, 4]).ToList();
        foreach (var a in perms) foreach (var b in perms) foreach (var c in perms) foreach (var d in perms)
        {
            int[][] g = [a, b, c, d];
            var ok = true;
            for (var col = 0; col < 4 && ok; col++)
                ok = g.Select(r => r[col]).Distinct().Count() == 4;
            for (var box = 0; box < 4 && ok; box++)
                ok = new[] { g[box / 2 * 2][box % 2 * 2], g[box / 2 * 2][box % 2 * 2 + 1], g[box / 2 * 2 + 1][box % 2 * 2], g[box / 2 * 2 + 1][box % 2 * 2 + 1] }.Distinct().Count() == 4;
            if (ok)
                all.Add([.. a, .. b, .. c, .. d]);
        }
        Assert.Equal(288, all.Count);
        for (var seed = 0; seed < 50; seed++)
        {
            var givens = Make(Family, seed, 1).Instance["givens"]!.AsArray().SelectMany(r => r!.AsArray().Select(v => v!.GetValue<int>())).ToArray();
            Assert.Equal(1, all.Count(g => g.Zip(givens).All(p => p.Second == 0 || p.First == p.Second)));
        }
    }

    private static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany(x => Permutations(items.Where(y => y != x).ToArray()).Select(rest => (int[])[x, .. rest]));
}
