using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.WaterJugs;

/// <summary>
/// Water jugs: measure an exact amount with 2 jugs (levels 1-3) or 3 jugs (levels 4-5) and an unlimited tap. The
/// target is chosen among the amounts whose fewest-steps count (by BFS) is in the level's range, so a level really
/// means a longer plan.
/// </summary>
public sealed class WaterJugsFamily : ILogicFamily
{
    private static readonly (int Jugs, int MaxCapacity, int MinSteps, int MaxSteps)[] Levels =
        [(2, 7, 2, 4), (2, 11, 5, 8), (2, 15, 8, 14), (3, 12, 6, 10), (3, 19, 9, 30)];

    public string Name => "water_jugs";

    public string Description => "Water jugs: measure an exact amount with 2-3 jugs (fill, empty, pour) in the fewest steps";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (jugs, maxCapacity, minSteps, maxSteps) = Levels[Math.Clamp(difficulty, 1, Levels.Length) - 1];
        (int[] Capacities, int Target, int Steps)? best = null;
        for (var attempt = 0; attempt < 200 || best is null; attempt++)
        {
            var capacities = Enumerable.Range(0, jugs).Select(_ => rng.Next(2, maxCapacity)).Distinct().Order().ToArray();
            if (capacities.Length < jugs)
                continue;
            var fewest = new WaterJugsSolver(capacities).FewestStepsPerAmount();
            var candidates = fewest.Where(kv => kv.Key > 0 && kv.Value >= minSteps && kv.Value <= maxSteps).Select(kv => kv.Key).Order().ToList();
            if (candidates.Count > 0)
            {
                var target = rng.Pick(candidates);
                best = (capacities, target, fewest[target]);
                break;
            }
            var deepest = fewest.Where(kv => kv.Key > 0 && kv.Value >= 2).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).FirstOrDefault();
            if (deepest.Value > (best?.Steps ?? 0))
                best = (capacities, deepest.Key, deepest.Value);
        }
        var (caps, goal, _) = best!.Value;
        var order = Enumerable.Range(0, caps.Length).ToArray();
        rng.Shuffle(order); // jug A is not always the smallest
        caps = order.Select(i => caps[i]).ToArray();
        var plan = new WaterJugsSolver(caps).Solve(goal);
        var instance = new JsonObject
        {
            ["family"] = "water_jugs",
            ["capacities"] = InstanceFields.Array(caps),
            ["target"] = goal,
            ["optimal"] = plan.Count,
        };
        var jugsText = string.Join(", ", caps.Select((c, i) => $"{JugStep.Name(i)} holds {c} litres"));
        var prompt = new StringBuilder()
            .AppendLine($"Water jugs. You have {caps.Length} empty jugs without markings ({jugsText}) and an unlimited water tap.")
            .AppendLine("Each step is one of: `fill X` (fill jug X to the brim), `empty X` (pour jug X away), `pour X Y` "
                + "(pour from jug X into jug Y until X is empty or Y is full).")
            .AppendLine($"Goal: some jug contains exactly {goal} litres. Find a solution with the fewest possible steps.")
            .AppendLine("Answer format: one step per line (for example `fill A` then `pour A B`), inside a final fenced code block (```).")
            .ToString();
        var reference = $"Some jug holds {goal} litres after {plan.Count} steps (the minimum, by breadth-first search).\n"
            + LogicAnswer.Fenced(string.Join('\n', plan.Select(s => s.ToString())));
        return new LogicPuzzle(prompt, instance, reference);
    }

    public LogicCheck Check(JsonObject instance, string response) => WaterJugsChecker.Check(instance, response);
}
