using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Minesweeper;

namespace SynthData.Tests.Logic;

public sealed class MinesweeperTests() : LogicFamilyContract(new MinesweeperFamily())
{
    private static List<(int R, int C)> Pairs(JsonNode node) =>
        node.AsArray().Select(p => (p![0]!.GetValue<int>(), p[1]!.GetValue<int>())).ToList();

    private static string Answer(IEnumerable<(int R, int C)> mines)
    {
        var list = mines.ToList();
        return LogicAnswer.Fenced(list.Count == 0 ? "none" : string.Join('\n', list.Select(m => $"{m.R},{m.C}")));
    }

    // Flip one asked cell: add a safe one to the list, or drop a mine.
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var asked = Pairs(puzzle.Instance["asked"]!);
        var mines = Pairs(puzzle.Instance["mines"]!).ToHashSet();
        var flip = asked[rng.Next(0, asked.Count - 1)];
        if (!mines.Remove(flip))
            mines.Add(flip);
        return Answer(mines);
    }

    [Fact]
    public void Other_orders_and_formats_are_accepted()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var puzzle = Make(Family, seed, 3);
            var mines = Pairs(puzzle.Instance["mines"]!);
            mines.Reverse();
            var body = mines.Count == 0 ? "None" : string.Join(", ", mines.Select(m => $"({m.R}, {m.C})"));
            Assert.True(Family.Check(puzzle.Instance, "Mines:\n```\n" + body + "\n```").Accepted, body);
            var labelled = mines.Count == 0 ? "no mines" : string.Join('\n', mines.Select(m => $"r{m.R}c{m.C}"));
            Assert.True(Family.Check(puzzle.Instance, LogicAnswer.Fenced(labelled)).Accepted, labelled);
        }
    }

    [Fact]
    public void Level_one_answers_hold_in_every_placement_by_brute_force()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var instance = Make(Family, seed, 1).Instance;
            var grid = GridTestKit.Grid(instance["grid"]!);
            int rows = grid.Length, cols = grid[0].Length;
            var covered = Enumerable.Range(0, rows * cols).Where(i => grid[i / cols][i % cols] < 0).ToArray();
            var asked = Pairs(instance["asked"]!);
            var mines = Pairs(instance["mines"]!).ToHashSet();
            var consistent = 0;
            for (var bits = 0; bits < 1 << covered.Length; bits++)
            {
                var mine = new bool[rows * cols];
                for (var k = 0; k < covered.Length; k++)
                    mine[covered[k]] = ((bits >> k) & 1) == 1;
                var ok = true;
                for (var r = 0; r < rows && ok; r++)
                    for (var c = 0; c < cols && ok; c++)
                    {
                        if (grid[r][c] < 0)
                            continue;
                        var count = 0;
                        for (var dr = -1; dr <= 1; dr++)
                            for (var dc = -1; dc <= 1; dc++)
                                if (r + dr >= 0 && r + dr < rows && c + dc >= 0 && c + dc < cols && mine[(r + dr) * cols + c + dc])
                                    count++;
                        ok = count == grid[r][c];
                    }
                if (!ok)
                    continue;
                consistent++;
                foreach (var (r, c) in asked)
                    Assert.Equal(mines.Contains((r, c)), mine[(r - 1) * cols + c - 1]);
            }
            Assert.True(consistent > 0);
        }
    }

    [Fact]
    public void A_hand_checked_instance_is_scored_by_cell()
    {
        // ? 1 .      row 1: (1,1) covered, (1,2)=1, (1,3)=0
        // ? 2 1      (2,1) covered, (2,2)=2, (2,3)=1
        // ? ? ?      row 3 covered.
        // (1,3)=0 makes (2,2)... all revealed; its neighbours are revealed, fine. (2,3)=1 sees (3,2),(3,3) -> one mine.
        // (1,2)=1 sees (1,1),(2,1) -> one mine. (2,2)=2 sees (1,1),(2,1),(3,1),(3,2),(3,3) -> 2 = 1 + 1 + (3,1), so
        // (3,1) is safe. Asked: (3,1) safe. Add (1,3)... keep it simple: ask (3,1) only, answer none.
        var instance = new JsonObject
        {
            ["family"] = "minesweeper", ["rows"] = 3, ["cols"] = 3,
            ["grid"] = JsonNode.Parse("[[-1,1,0],[-1,2,1],[-1,-1,-1]]"),
            ["asked"] = JsonNode.Parse("[[3,1]]"), ["mines"] = JsonNode.Parse("[]"),
        };
        Assert.True(Family.Check(instance, "```\nnone\n```").Accepted);
        Assert.False(Family.Check(instance, "```\n3,1\n```").Accepted);
        var solver = new MinesweeperSolver(GridTestKit.Grid(instance["grid"]!));
        var status = solver.Determine()!;
        Assert.Equal(0, status[solver.Frontier.ToList().IndexOf(6)]); // (3,1) forced safe
        Assert.Equal(-1, status[solver.Frontier.ToList().IndexOf(0)]); // (1,1) undetermined

        // 1 ? 1 / 1 1 1 : (1,2) is a forced mine; ask it and a listed extra cell costs credit.
        var two = new JsonObject
        {
            ["family"] = "minesweeper", ["rows"] = 2, ["cols"] = 3,
            ["grid"] = JsonNode.Parse("[[1,-1,1],[1,1,1]]"),
            ["asked"] = JsonNode.Parse("[[1,2]]"), ["mines"] = JsonNode.Parse("[[1,2]]"),
        };
        Assert.True(Family.Check(two, "```\n1,2\n```").Accepted);
        var none = Family.Check(two, "```\nnone\n```");
        Assert.False(none.Accepted);
        Assert.Equal(0, none.Score);
        var extra = Family.Check(two, "```\n1,2\n2,2\n```");
        Assert.False(extra.Accepted);
        Assert.Equal(0.5, extra.Score);
    }
}
