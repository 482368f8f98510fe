using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Sat;

namespace SynthData.Tests.Logic;

public sealed class SatTests() : LogicFamilyContract(new SatFamily())
{
    private static int[][] Clauses(JsonObject instance) =>
        instance["clauses"]!.AsArray().Select(c => c!.AsArray().Select(l => l!.GetValue<int>()).ToArray()).ToArray();

    // Flip the one variable of a clause's literals so that the clause becomes false.
    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var values = LogicAnswer.Lines(LogicAnswer.Extract(puzzle.ReferenceResponse)!).Select(l => l.EndsWith("true")).ToArray();
        var clause = Clauses(puzzle.Instance)[rng.Next(0, Clauses(puzzle.Instance).Length - 1)];
        foreach (var lit in clause)
            values[Math.Abs(lit) - 1] = lit < 0;
        return LogicAnswer.Fenced(string.Join('\n', values.Select((v, i) => $"x{i + 1} = {(v ? "true" : "false")}")));
    }

    [Fact]
    public void Another_satisfying_assignment_found_by_brute_force_is_accepted()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var puzzle = Make(Family, seed, 2); // 8 variables: 256 assignments
            var clauses = Clauses(puzzle.Instance);
            var satisfying = Enumerable.Range(0, 256)
                .Where(mask => clauses.All(c => c.Any(l => ((mask >> (Math.Abs(l) - 1)) & 1) == (l > 0 ? 1 : 0))))
                .ToList();
            Assert.NotEmpty(satisfying);
            foreach (var mask in satisfying)
            {
                var response = "answer: " + string.Join(", ", Enumerable.Range(0, 8).Select(i => $"X{i + 1}: {(((mask >> i) & 1) == 1 ? "T" : "F")}"));
                Assert.True(Family.Check(puzzle.Instance, response).Accepted);
            }
            var unsatisfying = Enumerable.Range(0, 256).First(m => !satisfying.Contains(m));
            Assert.False(Family.Check(puzzle.Instance, "```\n" + string.Join('\n', Enumerable.Range(0, 8).Select(i => $"x{i + 1} = {(unsatisfying >> i) & 1}")) + "\n```").Accepted);
        }
    }

    [Fact]
    public void Hand_verified_formula()
    {
        // (x1 ∨ x2 ∨ ¬x3) ∧ (¬x1 ∨ ¬x2 ∨ x3): x1 = x2 = x3 = false satisfies the first (¬x3) and the second (¬x1).
        var instance = new JsonObject
        {
            ["family"] = "sat",
            ["variables"] = 3,
            ["clauses"] = new JsonArray(new JsonArray(1, 2, -3), new JsonArray(-1, -2, 3)),
        };
        Assert.True(Family.Check(instance, "```\nx1 = false\nx2 = false\nx3 = false\n```").Accepted);
        var half = Family.Check(instance, "```\nx1 = false\nx2 = false\nx3 = true\n```");
        Assert.False(half.Accepted);
        Assert.Equal(0.5, half.Score, 6);
        Assert.False(Family.Check(instance, "```\nx1 = false\nx2 = false\n```").Accepted);
    }
}
