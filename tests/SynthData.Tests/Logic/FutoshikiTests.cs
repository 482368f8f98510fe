using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Futoshiki;

namespace SynthData.Tests.Logic;

public sealed class FutoshikiTests() : LogicFamilyContract(new FutoshikiFamily())
{
    // Levels 3-5 (5x5) prove uniqueness after each removed sign; 50 seeds keep the contract short on a loaded machine.
    protected override int SeedsPerLevel => 50;

    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var givens = GridTestKit.Grid(puzzle.Instance["givens"]!);
        var digits = Enumerable.Range(1, givens.Length).Select(d => d.ToString()).ToArray();
        return GridTestKit.CorruptOneCell(puzzle, rng, digits, (r, c) => givens[r][c] != 0);
    }

    [Fact]
    public void Comma_separated_and_unseparated_rows_are_accepted()
    {
        var puzzle = Make(Family, 5, 4);
        var rows = GridTestKit.Rows(puzzle);
        Assert.True(Family.Check(puzzle.Instance, GridTestKit.Answer(rows, ",")).Accepted);
        Assert.True(Family.Check(puzzle.Instance, GridTestKit.Answer(rows, "")).Accepted);
    }

    [Fact]
    public void Level_one_puzzles_have_one_solution_among_all_latin_squares()
    {
        var squares = GridTestKit.LatinSquares(4);
        Assert.Equal(576, squares.Count);
        for (var seed = 0; seed < 30; seed++)
        {
            var instance = Make(Family, seed, 1).Instance;
            var givens = GridTestKit.Grid(instance["givens"]!);
            var less = GridTestKit.Grid(instance["less"]!);
            var fits = squares.Count(s =>
                Enumerable.Range(0, 16).All(i => givens[i / 4][i % 4] == 0 || givens[i / 4][i % 4] == s[i / 4][i % 4])
                && less.All(q => s[q[0] - 1][q[1] - 1] < s[q[2] - 1][q[3] - 1]));
            Assert.Equal(1, fits);
        }
    }

    [Fact]
    public void A_hand_checked_3x3_accepts_its_solution_and_rejects_a_broken_inequality()
    {
        var instance = new JsonObject
        {
            ["family"] = "futoshiki", ["n"] = 3,
            ["givens"] = JsonNode.Parse("[[0,0,0],[0,0,0],[0,0,2]]"),
            ["less"] = JsonNode.Parse("[[1,1,1,2],[1,2,1,3],[2,1,3,1]]"), // a<b<c on row 1, (2,1)<(3,1)
        };
        Assert.True(Family.Check(instance, "```\n1 2 3\n2 3 1\n3 1 2\n```").Accepted);
        var broken = Family.Check(instance, "```\n1 2 3\n3 1 2\n2 3 1\n```"); // Latin, but (2,1)=3 > (3,1)=2 and the given 2 changed
        Assert.False(broken.Accepted);
        var wrongSign = Family.Check(instance, "```\n1 2 3\n3 1 2\n2 3 2\n```");
        Assert.False(wrongSign.Accepted);
    }
}
