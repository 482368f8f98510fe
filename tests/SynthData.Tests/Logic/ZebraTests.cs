using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Zebra;

namespace SynthData.Tests.Logic;

public sealed class ZebraTests() : LogicFamilyContract(new ZebraFamily())
{
    // Level 5 (5x5) generation proves uniqueness many times over while pruning clues: about 50 ms a puzzle.
    protected override int SeedsPerLevel => 100;

    private static (string[][] Values, int[][] Houses) Solution(JsonObject instance) =>
        (instance["values"]!.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<string>()).ToArray()).ToArray(),
         instance["solution"]!.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<int>()).ToArray()).ToArray());

    // Two values of one attribute swap houses (the smallest change that keeps the table well formed).
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var (values, houses) = Solution(puzzle.Instance);
        var a = rng.Next(0, values.Length - 1);
        var v = rng.Next(0, values[a].Length - 1);
        var w = (v + 1) % values[a].Length;
        (houses[a][v], houses[a][w]) = (houses[a][w], houses[a][v]);
        return LogicAnswer.Fenced(string.Join('\n', values.SelectMany((vs, i) => vs.Select((value, j) => $"{value} = {houses[i][j]}"))));
    }

    [Fact]
    public void Value_equals_house_lines_in_any_order_are_accepted()
    {
        var puzzle = Make(Family, 5, 4);
        var (values, houses) = Solution(puzzle.Instance);
        var lines = values.SelectMany((vs, i) => vs.Select((value, j) => $"{value.ToUpperInvariant()}: house {houses[i][j]}")).Reverse();
        Assert.True(Family.Check(puzzle.Instance, "```\n" + string.Join('\n', lines) + "\n```").Accepted);
    }

    [Fact]
    public void Every_clue_of_a_small_puzzle_holds_and_the_solution_is_unique_by_brute_force()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var puzzle = Make(Family, seed, 2); // 4 houses, 3 attributes: 24^3 tables
            var (values, houses) = Solution(puzzle.Instance);
            var perms = Permutations([1, 2, 3, 4]).ToList();
            var accepted = 0;
            foreach (var p0 in perms)
                foreach (var p1 in perms)
                    foreach (var p2 in perms)
                    {
                        var table = new[] { p0, p1, p2 };
                        if (Fits(puzzle.Instance["clues"]!.AsArray().Select(c => c!.GetValue<string>()), values, table))
                        {
                            accepted++;
                            Assert.Equal(houses, table);
                        }
                    }
            Assert.Equal(1, accepted);
        }
    }

    // Reads the clue sentences themselves (not the generator's clue records) and tests them on a table.
    private static bool Fits(IEnumerable<string> clues, string[][] values, int[][] table)
    {
        int House(string phrase)
        {
            for (var a = 0; a < values.Length; a++)
                for (var v = 0; v < values[a].Length; v++)
                    if (phrase.Split(' ').Contains(values[a][v]))
                        return table[a][v];
            throw new InvalidOperationException($"no value in '{phrase}'");
        }
        foreach (var clue in clues)
        {
            var c = clue.TrimEnd('.');
            bool ok;
            if (c.Contains(" lives in house "))
                ok = House(c[..c.IndexOf(" lives in house ")]) == int.Parse(c[(c.LastIndexOf(' ') + 1)..]);
            else
            {
                var (sep, test) = new (string, Func<int, int, bool>)[]
                {
                    (" does not live in the same house as ", (x, y) => x != y),
                    (" lives in the same house as ", (x, y) => x == y),
                    (" lives next to ", (x, y) => Math.Abs(x - y) == 1),
                    (" lives directly left of ", (x, y) => x + 1 == y),
                    (" lives somewhere to the left of ", (x, y) => x < y),
                }.First(p => c.Contains(p.Item1));
                var parts = c.Split(sep);
                ok = test(House(parts[0]), House(parts[1]));
            }
            if (!ok)
                return false;
        }
        return true;
    }

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1 ? [items] : items.SelectMany((x, i) => Permutations(items.Where((_, k) => k != i).ToArray()).Select(rest => new[] { x }.Concat(rest).ToArray()));
}
