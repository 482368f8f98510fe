using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.NQueens;

namespace SynthData.Tests.Logic;

public sealed class NQueensTests() : LogicFamilyContract(new NQueensFamily())
{
    private static int[] Columns(LogicPuzzle puzzle) => GridTestKit.Rows(puzzle).Select(r => Array.IndexOf(r, "Q")).ToArray();

    private static HashSet<int> FixedRows(LogicPuzzle puzzle) =>
        puzzle.Instance["placed"]!.AsArray().Select(p => p![0]!.GetValue<int>() - 1).ToHashSet();

    private static string Board(int[] cols) =>
        "```\n" + string.Join('\n', cols.Select(c => string.Concat(Enumerable.Range(0, cols.Length).Select(k => k == c ? 'Q' : '.')))) + "\n```";

    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var cols = Columns(puzzle);
        var fixedRows = FixedRows(puzzle);
        var row = rng.Pick(Enumerable.Range(0, cols.Length).Where(r => !fixedRows.Contains(r)).ToList());
        cols[row] = rng.Pick(Enumerable.Range(0, cols.Length).Where(c => c != cols[row]).ToList());
        return Board(cols);
    }

    [Fact]
    public void Another_placement_found_by_brute_force_is_accepted_in_either_form()
    {
        var others = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var puzzle = Make(Family, seed, 1);
            var reference = Columns(puzzle);
            var placed = puzzle.Instance["placed"]!.AsArray().Select(p => (R: p![0]!.GetValue<int>() - 1, C: p[1]!.GetValue<int>() - 1)).ToList();
            foreach (var cols in GridTestKit.Permutations(Enumerable.Range(0, reference.Length).ToArray()))
            {
                if (cols.SequenceEqual(reference) || placed.Any(p => cols[p.R] != p.C) || !NonAttacking(cols))
                    continue;
                others++;
                Assert.True(Family.Check(puzzle.Instance, Board(cols)).Accepted);
                var list = Family.Check(puzzle.Instance, "Answer:\n```\n" + string.Join(", ", cols.Select(c => c + 1)) + "\n```");
                Assert.True(list.Accepted, list.Reason);
                Assert.True(Family.Check(puzzle.Instance, Board(cols).ToLowerInvariant()).Accepted);
            }
        }
        Assert.True(others > 0, "some 5x5 puzzle with one pre-placed queen should have a second placement");
    }

    [Fact]
    public void Every_5x5_permutation_is_judged_as_an_independent_diagonal_test_says()
    {
        var instance = new JsonObject { ["family"] = "n_queens", ["n"] = 5, ["placed"] = new JsonArray() };
        var valid = 0;
        foreach (var cols in GridTestKit.Permutations([0, 1, 2, 3, 4]))
        {
            var verdict = Family.Check(instance, Board(cols));
            Assert.Equal(NonAttacking(cols), verdict.Accepted);
            if (verdict.Accepted)
                valid++;
            else
                Assert.InRange(verdict.Score, 0.5, 0.99);
        }
        Assert.Equal(10, valid); // the known count of 5-queens solutions
        var fixedQueen = new JsonObject { ["family"] = "n_queens", ["n"] = 5, ["placed"] = JsonNode.Parse("[[1,1]]") };
        var moved = Family.Check(fixedQueen, "```\n2 4 1 3 5\n```"); // valid, but not through (1,1)
        Assert.False(moved.Accepted);
        Assert.Equal(0, moved.Score);
        Assert.True(Family.Check(fixedQueen, "```\n1 3 5 2 4\n```").Accepted);
    }

    private static bool NonAttacking(int[] cols)
    {
        for (var a = 0; a < cols.Length; a++)
            for (var b = a + 1; b < cols.Length; b++)
                if (Math.Abs(cols[a] - cols[b]) == b - a)
                    return false;
        return true;
    }

}
