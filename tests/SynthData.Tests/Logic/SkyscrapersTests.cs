using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Skyscrapers;

namespace SynthData.Tests.Logic;

public sealed class SkyscrapersTests() : LogicFamilyContract(new SkyscrapersFamily())
{
    // 5x5 levels prove uniqueness after each removed clue; 50 seeds keep the contract short on a loaded machine.
    protected override int SeedsPerLevel => 50;

    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var givens = GridTestKit.Grid(puzzle.Instance["givens"]!);
        var digits = Enumerable.Range(1, givens.Length).Select(d => d.ToString()).ToArray();
        return GridTestKit.CorruptOneCell(puzzle, rng, digits, (r, c) => givens[r][c] != 0);
    }

    [Fact]
    public void Pipe_separated_rows_with_labels_are_accepted()
    {
        var puzzle = Make(Family, 9, 3);
        var rows = GridTestKit.Rows(puzzle);
        var text = "```\n" + string.Join('\n', rows.Select((r, i) => $"Row {i + 1}: | " + string.Join(" | ", r) + " |")) + "\n```";
        var verdict = Family.Check(puzzle.Instance, text);
        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public void Level_one_puzzles_have_one_solution_among_all_latin_squares()
    {
        var squares = GridTestKit.LatinSquares(4);
        for (var seed = 0; seed < 30; seed++)
        {
            var instance = Make(Family, seed, 1).Instance;
            var givens = GridTestKit.Grid(instance["givens"]!);
            var clues = GridTestKit.Grid(instance["clues"]!);
            Assert.Equal(1, squares.Count(s => Fits(s, givens, clues)));
        }
    }

    [Fact]
    public void A_hand_counted_4x4_is_accepted_and_a_wrong_view_rejected()
    {
        // 1 2 3 4 / 2 3 4 1 / 3 4 1 2 / 4 1 2 3: row 1 seen from the left shows 4, column 1 from the top shows 4.
        var instance = new JsonObject
        {
            ["family"] = "skyscrapers", ["n"] = 4, ["givens"] = JsonNode.Parse("[[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]]"),
            ["clues"] = JsonNode.Parse("[[4,3,2,1],[1,2,2,2],[4,3,2,1],[1,2,2,2]]"),
        };
        Assert.True(Family.Check(instance, "```\n1 2 3 4\n2 3 4 1\n3 4 1 2\n4 1 2 3\n```").Accepted);
        var wrong = Family.Check(instance, "```\n2 1 3 4\n1 3 4 2\n3 4 2 1\n4 2 1 3\n```");
        Assert.False(wrong.Accepted);
        Assert.InRange(wrong.Score, 0.3, 0.99);
    }

    private static bool Fits(int[][] s, int[][] givens, int[][] clues)
    {
        var n = s.Length;
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                if (givens[r][c] != 0 && givens[r][c] != s[r][c])
                    return false;
        for (var i = 0; i < n; i++)
        {
            var col = s.Select(r => r[i]).ToArray();
            int[][] lines = [col, col.Reverse().ToArray(), s[i], s[i].Reverse().ToArray()];
            for (var side = 0; side < 4; side++)
                if (clues[side][i] != 0 && Seen(lines[side]) != clues[side][i])
                    return false;
        }
        return true;
    }

    private static int Seen(int[] line) => line.Where((v, k) => line.Take(k).All(p => p < v)).Count();
}
