using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Tsp;

namespace SynthData.Tests.Logic;

public sealed class TspTests() : LogicFamilyContract(new TspFamily())
{
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var tour = Tour(puzzle);
        var i = rng.Next(0, tour.Count - 1);
        tour[i] = tour[(i + 1) % tour.Count]; // one city visited twice, another never
        return LogicAnswer.Fenced(string.Join(' ', tour));
    }

    private static List<int> Tour(LogicPuzzle puzzle) => LogicAnswer.Extract(puzzle.ReferenceResponse)!.Split(' ').Select(int.Parse).ToList();

    [Fact]
    public void Rotations_reversals_and_an_explicit_return_are_accepted()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var puzzle = Make(Family, seed, 3);
            var tour = Tour(puzzle);
            var rotated = tour.Skip(2).Concat(tour.Take(2)).Reverse().ToList();
            Assert.True(Family.Check(puzzle.Instance, "```\n" + string.Join(" -> ", rotated) + " -> " + rotated[0] + "\n```").Accepted);
            Assert.True(Family.Check(puzzle.Instance, "answer: [" + string.Join(", ", rotated) + "]").Accepted);
        }
    }

    [Fact]
    public void Optimum_matches_brute_force_and_worse_tours_score_the_ratio()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var puzzle = Make(Family, seed, 2);
            var d = puzzle.Instance["distances"]!.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<int>()).ToArray()).ToArray();
            var n = d.Length;
            var lengths = Permutations(Enumerable.Range(1, n - 1).ToList())
                .Select(p => new[] { 0 }.Concat(p).ToArray())
                .Select(t => (Tour: t, Length: t.Select((c, i) => d[c][t[(i + 1) % n]]).Sum())).ToList();
            var optimal = lengths.Min(x => x.Length);
            Assert.Equal(optimal, puzzle.Instance["optimal"]!.GetValue<int>());
            var worst = lengths.MaxBy(x => x.Length);
            var verdict = Family.Check(puzzle.Instance, LogicAnswer.Fenced(string.Join(' ', worst.Tour.Select(c => c + 1))));
            Assert.Equal(worst.Length == optimal, verdict.Accepted);
            Assert.Equal(Math.Min(0.99, (double)optimal / worst.Length), verdict.Score, 6);
        }
    }

    private static IEnumerable<List<int>> Permutations(List<int> items)
    {
        if (items.Count == 0)
        {
            yield return [];
            yield break;
        }
        foreach (var x in items)
            foreach (var rest in Permutations(items.Where(y => y != x).ToList()))
                yield return [x, .. rest];
    }
}
