using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Cryptarithm;

namespace SynthData.Tests.Logic;

public sealed class CryptarithmTests() : LogicFamilyContract(new CryptarithmFamily())
{
    private static Dictionary<char, int> Solution(LogicPuzzle puzzle) =>
        puzzle.Instance["solution"]!.AsObject().ToDictionary(p => p.Key[0], p => p.Value!.GetValue<int>());

    // One letter gets a different digit.
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var solution = Solution(puzzle);
        var letter = rng.Pick(solution.Keys.ToList());
        solution[letter] = (solution[letter] + rng.Next(1, 9)) % 10;
        return LogicAnswer.Fenced(string.Join('\n', solution.Select(p => $"{p.Key} = {p.Value}")));
    }

    private static JsonObject SendMoreMoney() => new()
    {
        ["family"] = "cryptarithm",
        ["addends"] = new JsonArray("SEND", "MORE"),
        ["result"] = "MONEY",
        ["solution"] = new JsonObject { ["S"] = 9, ["E"] = 5, ["N"] = 6, ["D"] = 7, ["M"] = 1, ["O"] = 0, ["R"] = 8, ["Y"] = 2 },
    };

    [Fact]
    public void Send_more_money_by_hand()
    {
        var family = new CryptarithmFamily();
        // 9567 + 1085 = 10652.
        Assert.True(family.Check(SendMoreMoney(), "```\nS=9 E=5 N=6 D=7\nM=1 O=0 R=8 Y=2\n```").Accepted);
        Assert.True(family.Check(SendMoreMoney(), "answer: y: 2, r: 8, o: 0, m: 1, d: 7, n: 6, e: 5, s: 9").Accepted);
        // Swapping D and Y breaks the units column (7 + 5 = 12, not ending in 7).
        var swapped = family.Check(SendMoreMoney(), "```\nS=9 E=5 N=6 D=2\nM=1 O=0 R=8 Y=7\n```");
        Assert.False(swapped.Accepted);
        Assert.Equal(0.75, swapped.Score, 6);
        Assert.False(family.Check(SendMoreMoney(), "```\nS=9 E=5 N=6 D=7\nM=1 O=0 R=8\n```").Accepted);
        Assert.False(family.Check(SendMoreMoney(), "```\nS=9 E=5 N=6 D=7 M=1 O=0 R=8 Y=2 S=8\n```").Accepted);
    }

    [Fact]
    public void Small_puzzles_have_exactly_the_stated_solution_by_brute_force()
    {
        for (var seed = 0; seed < 8; seed++)
        {
            var puzzle = Make(Family, seed, 1);
            var addends = puzzle.Instance["addends"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
            var result = puzzle.Instance["result"]!.GetValue<string>();
            var letters = addends.Append(result).SelectMany(w => w).Distinct().ToArray();
            var solutions = new List<string>();
            var digits = new int[letters.Length];
            void Search(int i, int used)
            {
                if (i == letters.Length)
                {
                    var map = letters.Select((l, k) => (l, k)).ToDictionary(p => p.l, p => digits[p.k]);
                    long Value(string w) => w.Aggregate(0L, (v, c) => v * 10 + map[c]);
                    if (addends.Append(result).All(w => map[w[0]] != 0) && addends.Sum(Value) == Value(result))
                        solutions.Add(string.Join(',', letters.Select(l => $"{l}{map[l]}")));
                    return;
                }
                for (var d = 0; d < 10; d++)
                    if ((used & (1 << d)) == 0)
                    {
                        digits[i] = d;
                        Search(i + 1, used | (1 << d));
                    }
            }
            Search(0, 0);
            var expected = Solution(puzzle);
            Assert.Equal([string.Join(',', letters.Select(l => $"{l}{expected[l]}"))], solutions);
        }
    }
}
