using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Nonogram;

namespace SynthData.Tests.Logic;

public sealed class NonogramTests() : LogicFamilyContract(new NonogramFamily())
{
    protected override int SeedsPerLevel => 50;

    // Flipping one cell changes its row's filled count, so that row's clue always breaks.
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var rows = ReferenceRows(puzzle).Select(r => r.ToCharArray()).ToArray();
        int r = rng.Next(0, rows.Length - 1), c = rng.Next(0, rows[0].Length - 1);
        rows[r][c] = rows[r][c] == '#' ? '.' : '#';
        return "```\n" + string.Join('\n', rows.Select(x => new string(x))) + "\n```";
    }

    private static string[] ReferenceRows(LogicPuzzle puzzle) => LogicAnswer.Lines(LogicAnswer.Extract(puzzle.ReferenceResponse)!).ToArray();

    [Fact]
    public void Other_symbol_sets_and_separators_are_accepted()
    {
        var puzzle = Make(Family, 4, 3);
        var rows = ReferenceRows(puzzle);
        var digits = string.Join('\n', rows.Select(r => string.Join(' ', r.Select(ch => ch == '#' ? '1' : '0'))));
        var crosses = string.Join('\n', rows.Select(r => string.Join(",", r.Select(ch => ch == '#' ? "x" : "."))));
        Assert.True(Family.Check(puzzle.Instance, "Answer:\n```\n" + digits + "\n```").Accepted);
        Assert.True(Family.Check(puzzle.Instance, "```\n" + crosses + "\n```").Accepted);
    }

    [Fact]
    public void Level_one_puzzles_have_one_solution_by_brute_force()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var puzzle = Make(Family, seed, 1);
            var rowClues = Clues(puzzle.Instance["row_clues"]!);
            var colClues = Clues(puzzle.Instance["col_clues"]!);
            string? only = null;
            var count = 0;
            for (var bits = 0; bits < 1 << 16; bits++)
            {
                var g = Enumerable.Range(0, 4).Select(r => Enumerable.Range(0, 4).Select(c => (bits >> (r * 4 + c)) & 1).ToArray()).ToArray();
                var ok = Enumerable.Range(0, 4).All(i => RunsOf(g[i]) == rowClues[i] && RunsOf(g.Select(row => row[i]).ToArray()) == colClues[i]);
                if (!ok)
                    continue;
                count++;
                only = string.Join('\n', g.Select(row => string.Concat(row.Select(v => v == 1 ? '#' : '.'))));
            }
            Assert.Equal(1, count);
            Assert.Equal(only, string.Join('\n', ReferenceRows(puzzle)));
        }
    }

    [Fact]
    public void A_hand_checked_instance_is_scored_by_clues()
    {
        // A plus sign: rows 1 / 3 / 1, columns 1 / 3 / 1.
        var instance = new JsonObject
        {
            ["family"] = "nonogram", ["rows"] = 3, ["cols"] = 3,
            ["row_clues"] = JsonNode.Parse("[[1],[3],[1]]"), ["col_clues"] = JsonNode.Parse("[[1],[3],[1]]"),
        };
        Assert.True(Family.Check(instance, "```\n.#.\n###\n.#.\n```").Accepted);
        var wrong = Family.Check(instance, "```\n#..\n###\n..#\n```"); // rows hold; columns 1 and 3 read 2, column 2 reads 1
        Assert.False(wrong.Accepted);
        Assert.Equal(3.0 / 6, wrong.Score, 6);
        Assert.False(Family.Check(instance, "```\n.#.\n###\n```").Accepted);
    }

    [Fact]
    public void An_empty_row_clue_is_written_as_zero_and_checked()
    {
        var instance = new JsonObject
        {
            ["family"] = "nonogram", ["rows"] = 2, ["cols"] = 2,
            ["row_clues"] = JsonNode.Parse("[[0],[2]]"), ["col_clues"] = JsonNode.Parse("[[1],[1]]"),
        };
        Assert.True(Family.Check(instance, "```\n..\n##\n```").Accepted);
        Assert.False(Family.Check(instance, "```\n#.\n##\n```").Accepted);
    }

    private static string[] Clues(JsonNode node) =>
        node.AsArray().Select(c => string.Join(' ', c!.AsArray().Select(v => v!.GetValue<int>()).Where(v => v > 0))).ToArray();

    private static string RunsOf(int[] line) =>
        string.Join(' ', string.Concat(line).Split('0', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Length));
}
