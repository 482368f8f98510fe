using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.KenKen;

namespace SynthData.Tests.Logic;

public sealed class KenKenTests() : LogicFamilyContract(new KenKenFamily())
{
    protected override int SeedsPerLevel => 50;

    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var n = puzzle.Instance["n"]!.GetValue<int>();
        var digits = Enumerable.Range(1, n).Select(d => d.ToString()).ToArray();
        return GridTestKit.CorruptOneCell(puzzle, rng, digits, (_, _) => false);
    }

    [Fact]
    public void Bracketed_one_line_grids_are_accepted()
    {
        var puzzle = Make(Family, 4, 2);
        var rows = GridTestKit.Rows(puzzle);
        var oneLine = "```json\n[" + string.Join(", ", rows.Select(r => "[" + string.Join(", ", r) + "]")) + "]\n```";
        var verdict = Family.Check(puzzle.Instance, oneLine);
        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public void Level_two_puzzles_have_one_solution_among_all_latin_squares()
    {
        var squares = GridTestKit.LatinSquares(4);
        for (var seed = 0; seed < 30; seed++)
        {
            var cages = Make(Family, seed, 2).Instance["cages"]!.AsArray();
            Assert.Equal(1, squares.Count(s => cages.All(c => Holds(c!.AsObject(), s))));
        }
    }

    [Fact]
    public void A_hand_made_3x3_is_accepted_and_a_broken_cage_rejected()
    {
        // 1 2 3 / 2 3 1 / 3 1 2 with cages: row 1 sum 6, (2,1)-(3,1) difference 1, (2,2)*(2,3)=3, (3,2)/(3,3)=2.
        var instance = new JsonObject
        {
            ["family"] = "kenken", ["n"] = 3,
            ["cages"] = JsonNode.Parse("""
                [{"op":"+","target":6,"cells":[[1,1],[1,2],[1,3]]},{"op":"-","target":1,"cells":[[2,1],[3,1]]},
                 {"op":"*","target":3,"cells":[[2,2],[2,3]]},{"op":"/","target":2,"cells":[[3,2],[3,3]]}]
                """),
        };
        Assert.True(Family.Check(instance, "```\n1 2 3\n2 3 1\n3 1 2\n```").Accepted);
        var broken = Family.Check(instance, "```\n1 2 3\n3 1 2\n2 3 1\n```"); // Latin; 3-2=1 holds, 1*2 != 3, 3/1 != 2
        Assert.False(broken.Accepted);
        Assert.InRange(broken.Score, 0.5, 0.99);
    }

    private static bool Holds(JsonObject cage, int[][] s)
    {
        var values = cage["cells"]!.AsArray().Select(p => s[p![0]!.GetValue<int>() - 1][p[1]!.GetValue<int>() - 1]).ToArray();
        var target = cage["target"]!.GetValue<int>();
        return cage["op"]!.GetValue<string>() switch
        {
            "+" => values.Sum() == target,
            "*" => values.Aggregate(1, (a, b) => a * b) == target,
            "-" => values.Length == 2 && Math.Abs(values[0] - values[1]) == target,
            "/" => values.Length == 2 && (values[0] == target * values[1] || values[1] == target * values[0]),
            _ => values.Length == 1 && values[0] == target,
        };
    }
}
