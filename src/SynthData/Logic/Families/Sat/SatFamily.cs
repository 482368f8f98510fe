using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.Sat;

/// <summary>
/// Random 3-SAT with a planted solution: clauses of three distinct variables, each kept only if the hidden
/// assignment satisfies it, at a clause/variable ratio near 4 (the hard region). The DPLL solver gives the reference;
/// any satisfying assignment passes. Levels grow the variable count.
/// </summary>
public sealed class SatFamily : ILogicFamily
{
    public string Name => "sat";

    public string Description => "3-SAT: find a true/false assignment satisfying every clause";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var variables = Math.Clamp(difficulty, 1, 5) switch { 1 => 5, 2 => 8, 3 => 12, 4 => 16, _ => 20 };
        var clauseCount = (int)Math.Round(variables * 4.0);
        var planted = Enumerable.Range(0, variables + 1).Select(_ => rng.Chance(0.5)).ToArray();
        var clauses = new List<int[]>();
        while (clauses.Count < clauseCount)
        {
            var vars = Enumerable.Range(1, variables).ToList();
            rng.Shuffle(vars);
            var clause = vars.Take(3).Order().Select(v => rng.Chance(0.5) ? v : -v).ToArray();
            if (clause.Any(l => planted[Math.Abs(l)] == l > 0))
                clauses.Add(clause);
        }
        var solution = SatSolver.Solve(variables, clauses) ?? throw new InvalidOperationException("DPLL missed a planted solution");
        var instance = new JsonObject
        {
            ["family"] = Name,
            ["variables"] = variables,
            ["clauses"] = InstanceFields.Rows(clauses),
        };
        var body = new StringBuilder();
        for (var v = 0; v < variables; v++)
            body.Append($"x{v + 1} = {(solution[v] ? "true" : "false")}\n");
        return new LogicPuzzle(SatChecker.Prompt(variables, clauses), instance,
            "Unit propagation and branching find an assignment satisfying every clause.\n\n" + LogicAnswer.Fenced(body.ToString()));
    }

    public LogicCheck Check(JsonObject instance, string response) => SatChecker.Check(instance, response);
}
