using System.Text.Json.Nodes;
using SynthData.Common;

namespace SynthData.Problems.Generators.Code;

/// <summary>Rotate a matrix by k quarter turns clockwise; higher levels use rectangular matrices and negative or large k.</summary>
public sealed class RotateMatrixGenerator : IProblemGenerator
{
    private const string Reference = """
        def rotate_matrix(matrix: list[list[int]], k: int) -> list[list[int]]:
            result = [list(row) for row in matrix]
            for _ in range(k % 4):
                result = [list(row) for row in zip(*result[::-1])]
            return result
        """;

    public string Name => "rotate_matrix";
    public string Description => "Python: rotate a matrix by k quarter turns clockwise (k may be negative), return a new matrix";
    public ProblemDomain Domain => ProblemDomain.Code;
    public int MaxDifficulty => 5;

    public GeneratedProblem Generate(SeededRandom rng, int difficulty)
    {
        var tests = new List<Problems.FunctionTest>();
        for (var i = 0; i < 8 + difficulty * 2; i++)
        {
            var rows = rng.Next(1, 1 + difficulty * 2);
            var cols = difficulty >= 4 ? rng.Next(1, 1 + difficulty * 2) : rows;
            var matrix = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, cols).Select(_ => rng.Next(-9 * difficulty, 9 * difficulty)).ToArray()).ToArray();
            var k = difficulty switch { <= 2 => 1, 3 => rng.Next(0, 3), 4 => rng.Next(-4, 7), _ => rng.Next(-1000, 1000) };
            tests.Add(FunctionProblem.Test(FunctionProblem.Matrix(Rotate(matrix, k)), FunctionProblem.Matrix(matrix), JsonValue.Create(k)));
        }
        return FunctionProblem.Create("rotate_matrix", "rotate_matrix(matrix: list[list[int]], k: int) -> list[list[int]]", """
            `matrix` is a non-empty list of equal-length rows. Return a NEW matrix equal to `matrix` rotated by k
            quarter turns clockwise (k = 1: the first column read bottom-up becomes the first row). k may be zero,
            negative (counter-clockwise) or larger than 4. An m x n matrix rotated an odd number of times is n x m.
            """, tests, Reference, difficulty);
    }

    internal static int[][] Rotate(int[][] matrix, int k)
    {
        var result = matrix;
        for (var t = 0; t < ((k % 4) + 4) % 4; t++)
        {
            var rows = result.Length;
            var cols = result[0].Length;
            var source = result;
            result = Enumerable.Range(0, cols).Select(c => Enumerable.Range(0, rows).Select(r => source[rows - 1 - r][c]).ToArray()).ToArray();
        }
        return result;
    }
}
