using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Klotski;

namespace SynthData.Tests.Logic;

public sealed class KlotskiTests() : LogicFamilyContract(new KlotskiFamily())
{
    private static readonly string[] DirectionWords = ["up", "down", "left", "right"];

    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var moves = Moves(puzzle);
        var i = rng.Next(0, moves.Count - 1);
        var parts = moves[i].Split(' ');
        parts[1] = DirectionWords.Where(d => d != parts[1]).ToList()[rng.Next(0, 2)];
        moves[i] = string.Join(' ', parts);
        return LogicAnswer.Fenced(string.Join('\n', moves));
    }

    private static List<string> Moves(LogicPuzzle puzzle) =>
        LogicAnswer.Lines(LogicAnswer.Extract(puzzle.ReferenceResponse)!).ToList();

    [Fact]
    public void Other_spellings_of_the_same_moves_are_accepted()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var puzzle = Make(Family, seed, 3);
            var moves = Moves(puzzle).Select((m, i) =>
            {
                var p = m.Split(' ');
                return p.Length == 3 ? $"{i + 1}. move {p[0].ToLowerInvariant()}: {p[1][0]} by {p[2]} cells" : $"({p[0]}, {p[1].ToUpperInvariant()})";
            });
            var verdict = Family.Check(puzzle.Instance, "Thinking...\n```text\n" + string.Join('\n', moves) + "\n```");
            Assert.True(verdict.Accepted, verdict.Reason);
        }
    }

    [Fact]
    public void A_valid_detour_is_not_shortest_and_scores_optimal_over_length()
    {
        var puzzle = Make(Family, 11, 2);
        var moves = Moves(puzzle);
        var first = moves[0].Split(' ');
        var back = first[1] switch { "up" => "down", "down" => "up", "left" => "right", _ => "left" };
        var detour = new List<string> { moves[0], string.Join(' ', new[] { first[0], back }.Concat(first.Skip(2))) };
        detour.AddRange(moves);
        var verdict = Family.Check(puzzle.Instance, LogicAnswer.Fenced(string.Join('\n', detour)));
        Assert.False(verdict.Accepted);
        Assert.Contains("not shortest", verdict.Reason);
        Assert.Equal((double)moves.Count / detour.Count, verdict.Score, 6);
    }

    [Fact]
    public void Hand_made_board_is_checked_by_the_rules()
    {
        // A (2x2) must come down one row; C blocks the bottom-left and must first slide two cells right.
        var instance = new JsonObject
        {
            ["family"] = "klotski",
            ["board"] = new JsonArray("AAB", "AAB", "C.."),
            ["target"] = new JsonArray(1, 0),
            ["optimal"] = 2,
        };
        var family = new KlotskiFamily();
        Assert.True(family.Check(instance, "```\nC right 2\nA down\n```").Accepted);
        var blocked = family.Check(instance, "```\nA down\n```");
        Assert.False(blocked.Accepted);
        Assert.Contains("C is in the way", blocked.Reason);
        var longer = family.Check(instance, "```\nC right\nC right\nA down\n```");
        Assert.False(longer.Accepted);
        Assert.Equal(2.0 / 3, longer.Score, 6);
        Assert.False(family.Check(instance, "```\nC right 2\nB down\n```").Accepted);
        Assert.False(family.Check(instance, "```\nC right 3\nA down\n```").Accepted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Stated_optimum_matches_an_independent_breadth_first_search(int level)
    {
        for (var seed = 0; seed < 15; seed++)
        {
            var puzzle = Make(Family, seed, level);
            var rows = puzzle.Instance["board"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
            var target = puzzle.Instance["target"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
            Assert.Equal(puzzle.Instance["optimal"]!.GetValue<int>(), BruteForceOptimum(rows, target[0], target[1]));
        }
    }

    /// <summary>BFS over whole labelled drawings (strings), sliding one cell at a time, a run in one direction = 1 move.</summary>
    private static int BruteForceOptimum(string[] rows, int tr, int tc)
    {
        var (h, w) = (rows.Length, rows[0].Length);
        var start = string.Concat(rows);
        bool Solved(string s) => s[tr * w + tc] == 'A' && s[tr * w + tc + 1] == 'A' && s[(tr + 1) * w + tc] == 'A' && s[(tr + 1) * w + tc + 1] == 'A';
        var dist = new Dictionary<string, int> { [start] = 0 };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            if (Solved(s))
                return dist[s];
            foreach (var label in s.Where(ch => ch != '.').Distinct())
            {
                foreach (var (dr, dc) in new[] { (-1, 0), (1, 0), (0, -1), (0, 1) })
                {
                    var cur = s;
                    while (true)
                    {
                        var next = cur.ToCharArray();
                        for (var i = 0; i < next.Length; i++)
                            if (cur[i] == label)
                                next[i] = '.';
                        var ok = true;
                        for (var i = 0; i < cur.Length && ok; i++)
                        {
                            if (cur[i] != label)
                                continue;
                            var (r, c) = (i / w + dr, i % w + dc);
                            if (r < 0 || c < 0 || r >= h || c >= w || (cur[r * w + c] != '.' && cur[r * w + c] != label))
                                ok = false;
                            else
                                next[r * w + c] = label;
                        }
                        if (!ok)
                            break;
                        cur = new string(next);
                        if (dist.TryAdd(cur, dist[s] + 1))
                            queue.Enqueue(cur);
                    }
                }
            }
        }
        return -1;
    }
}
