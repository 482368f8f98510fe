using System.Text.Json.Nodes;
using SynthData.Common;

namespace SynthData.Problems.Generators.Code;

/// <summary>Merge overlapping closed intervals; difficulty adds more intervals, nesting, touching ends and negatives.</summary>
public sealed class MergeIntervalsGenerator : IProblemGenerator
{
    private const string Reference = """
        def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
            merged = []
            for start, end in sorted(intervals):
                if merged and start <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], end)
                else:
                    merged.append([start, end])
            return merged
        """;

    public string Name => "merge_intervals";
    public string Description => "Python: merge overlapping or touching closed intervals, sorted output";
    public ProblemDomain Domain => ProblemDomain.Code;
    public int MaxDifficulty => 5;

    public GeneratedProblem Generate(SeededRandom rng, int difficulty)
    {
        var cases = new List<int[][]>();
        for (var i = 0; i < 8 + difficulty * 2; i++)
        {
            var count = rng.Next(1, 2 + difficulty * 3);
            var low = difficulty >= 4 ? -50 * difficulty : 0;
            var high = 10 + 20 * difficulty;
            cases.Add(Enumerable.Range(0, count).Select(_ =>
            {
                var start = rng.Next(low, high);
                return new[] { start, start + rng.Next(0, 3 + difficulty * 3) };
            }).ToArray());
        }
        if (difficulty >= 2)
            cases.Add([]);
        if (difficulty >= 3)
            cases.Add([[1, 3], [3, 5], [6, 6], [0, 10]]);
        var tests = cases.Select(c => FunctionProblem.Test(FunctionProblem.Matrix(Merge(c)), FunctionProblem.Matrix(c))).ToList();
        return FunctionProblem.Create("merge_intervals", "merge_intervals(intervals: list[list[int]]) -> list[list[int]]", """
            Each interval is a two-element list [start, end] with start <= end, both ends included. Merge every
            group of intervals that overlap or touch (e.g. [1, 3] and [3, 5] become [1, 5]) and return the merged
            intervals as a new list of [start, end] lists sorted by start. The input may be unsorted or empty.
            """, tests, Reference, difficulty);
    }

    internal static int[][] Merge(int[][] intervals)
    {
        var merged = new List<int[]>();
        foreach (var iv in intervals.OrderBy(i => i[0]).ThenBy(i => i[1]))
        {
            if (merged.Count > 0 && iv[0] <= merged[^1][1])
                merged[^1][1] = System.Math.Max(merged[^1][1], iv[1]);
            else
                merged.Add([iv[0], iv[1]]);
        }
        return merged.ToArray();
    }
}
