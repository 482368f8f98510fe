using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Skyscrapers;

/// <summary>
/// Skyscrapers: an N x N Latin square of building heights with visibility clues around the edges. Starting from all
/// 4N clues of a random square (plus givens where those are not enough), clues are removed while the solver proves
/// the solution unique; higher levels are larger and keep fewer clues.
/// </summary>
public sealed class SkyscrapersFamily : ILogicFamily
{
    public string Name => "skyscrapers";

    public string Description => "Skyscrapers (4x4 and 5x5, edge visibility clues) with a unique solution";

    private static readonly (int N, double Keep)[] Levels = [(4, 0.75), (4, 0.5), (4, 0), (5, 0.7), (5, 0.5)];

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (n, keep) = Levels[Math.Clamp(difficulty, 1, 5) - 1];
        var solution = LatinRules.RandomSquare(rng, n);
        var clues = SkyscraperClues.Of(solution);
        int[][] sides = [clues.Top, clues.Bottom, clues.Left, clues.Right];
        var givens = Enumerable.Range(0, n).Select(_ => new int[n]).ToArray();
        LatinSolver.MakeUnique(n, () => givens, clues.Consistent, (r, c) => givens[r][c] = solution[r][c]);
        var order = Enumerable.Range(0, 4 * n).ToList();
        rng.Shuffle(order);
        var remaining = 4 * n;
        foreach (var k in order)
        {
            if (remaining <= (int)(keep * 4 * n))
                break;
            var value = sides[k / n][k % n];
            sides[k / n][k % n] = 0;
            if (LatinSolver.Solve(n, givens, clues.Consistent).Count == 1)
                remaining--;
            else
                sides[k / n][k % n] = value;
        }
        var instance = new JsonObject
        {
            ["family"] = Name,
            ["n"] = n,
            ["givens"] = GridJson.ToJson(givens),
            ["clues"] = GridJson.ToJson(sides),
        };
        return new LogicPuzzle(Prompt(n, givens, sides), instance,
            "Each row and column holds every height once and each clue sees its number of buildings.\n"
            + LogicAnswer.Fenced(LatinRules.Format(solution)));
    }

    public LogicCheck Check(JsonObject instance, string response) => SkyscrapersChecker.Check(instance, response);

    private static string Prompt(int n, int[][] givens, int[][] sides)
    {
        string Clues(int[] side) => string.Join(' ', side.Select(v => v == 0 ? "-" : v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var givenText = givens.Any(r => r.Any(v => v != 0))
            ? "\nSome heights are given (. = empty) and must not change:\n" + LatinRules.Format(givens) + "\n"
            : "";
        return $"""
            Solve this {n}x{n} Skyscrapers puzzle. Place a building of height 1 to {n} in every cell so that each row and
            each column contains every height exactly once. A clue outside the grid says how many buildings are visible
            looking from that edge along its row or column: a taller building hides every shorter one behind it.
            Clues are listed in order (columns from left to right, rows from top to bottom); - means no clue.

            Top (looking down each column):    {Clues(sides[0])}
            Bottom (looking up each column):   {Clues(sides[1])}
            Left (looking right along each row): {Clues(sides[2])}
            Right (looking left along each row): {Clues(sides[3])}
            {givenText}
            Give the completed grid inside a final fenced code block (```): {n} lines, one per row from the top, each with
            {n} heights separated by spaces.
            """;
    }
}
