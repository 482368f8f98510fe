using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Binairo;

namespace SynthData.Tests.Logic;

public sealed class BinairoTests() : LogicFamilyContract(new BinairoFamily())
{
    protected override int SeedsPerLevel => 50;

    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var givens = GridTestKit.Grid(puzzle.Instance["givens"]!);
        return GridTestKit.CorruptOneCell(puzzle, rng, ["0", "1"], (r, c) => givens[r][c] >= 0);
    }

    [Fact]
    public void Unseparated_rows_are_accepted()
    {
        var puzzle = Make(Family, 2, 4);
        Assert.True(Family.Check(puzzle.Instance, GridTestKit.Answer(GridTestKit.Rows(puzzle), "")).Accepted);
    }

    [Fact]
    public void Level_one_puzzles_have_one_solution_by_brute_force()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var givens = GridTestKit.Grid(Make(Family, seed, 1).Instance["givens"]!);
            var count = 0;
            for (var bits = 0; bits < 1 << 16; bits++)
            {
                var g = Enumerable.Range(0, 4).Select(r => Enumerable.Range(0, 4).Select(c => (bits >> (r * 4 + c)) & 1).ToArray()).ToArray();
                if (Enumerable.Range(0, 16).All(i => givens[i / 4][i % 4] < 0 || givens[i / 4][i % 4] == g[i / 4][i % 4]) && Valid(g))
                    count++;
            }
            Assert.Equal(1, count);
        }
    }

    [Fact]
    public void A_hand_checked_4x4_is_accepted_and_repeated_rows_rejected()
    {
        var instance = new JsonObject { ["family"] = "binairo", ["n"] = 4, ["givens"] = JsonNode.Parse("[[1,-1,-1,-1],[-1,-1,-1,-1],[-1,-1,-1,-1],[-1,-1,-1,-1]]") };
        Assert.True(Family.Check(instance, "```\n1 0 1 0\n0 1 0 1\n1 1 0 0\n0 0 1 1\n```").Accepted);
        var repeated = Family.Check(instance, "```\n1 0 1 0\n0 1 0 1\n1 0 1 0\n0 1 0 1\n```"); // balanced, but rows and columns repeat
        Assert.False(repeated.Accepted);
        Assert.InRange(repeated.Score, 0.4, 0.99);
    }

    private static bool Valid(int[][] g)
    {
        var lines = g.Concat(Enumerable.Range(0, 4).Select(c => g.Select(r => r[c]).ToArray())).ToList();
        return lines.All(l => l.Sum() == 2 && !Enumerable.Range(0, 2).Any(k => l[k] == l[k + 1] && l[k + 1] == l[k + 2]))
               && g.Select(r => string.Concat(r)).Distinct().Count() == 4
               && lines.Skip(4).Select(l => string.Concat(l)).Distinct().Count() == 4;
    }
}
