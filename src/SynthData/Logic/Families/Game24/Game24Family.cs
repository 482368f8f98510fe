using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.Game24;

/// <summary>
/// The 24 game: four numbers, each used exactly once, with + - * / and brackets, make 24. Hands come from an
/// exhaustive analysis of every multiset of 1..13: level 1 small numbers with many solutions, level 2 numbers up to 9,
/// level 3 up to 13, level 4 hands with few solutions, level 5 hands solvable only through a fraction (3 3 8 8).
/// </summary>
public sealed class Game24Family : ILogicFamily
{
    public string Name => "game_24";

    public string Description => "24 game: use four numbers exactly once each with + - * / to make 24";

    private static readonly Lazy<IReadOnlyList<Game24Analysis>[]> ByLevel = new(() =>
    {
        var solvable = Game24Solver.Hands.Where(h => h.Solutions > 0).ToList();
        var integral = solvable.Where(h => h.IntegerSolutions > 0).ToList();
        var fewThreshold = integral.Select(h => h.Solutions).Order().ElementAt(integral.Count / 5);
        return
        [
            integral.Where(h => h.Numbers.Max() <= 6 && h.Solutions >= 40).ToList(),
            integral.Where(h => h.Numbers.Max() <= 9 && h.Numbers.Max() > 6).ToList(),
            integral.Where(h => h.Numbers.Max() >= 10).ToList(),
            integral.Where(h => h.Solutions <= fewThreshold).ToList(),
            solvable.Where(h => h.IntegerSolutions == 0).ToList(),
        ];
    });

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var hands = ByLevel.Value[Math.Clamp(difficulty, 1, 5) - 1];
        var numbers = rng.Pick(hands).Numbers.ToArray();
        rng.Shuffle(numbers);
        var expression = Game24Solver.Analyse(numbers, withExpression: true).Expression
            ?? throw new InvalidOperationException("the 24 solver lost a solvable hand");
        var instance = new JsonObject { ["family"] = Name, ["numbers"] = InstanceFields.Array(numbers) };
        return new LogicPuzzle(Game24Checker.Prompt(numbers), instance, $"{expression} = 24.\n\n" + LogicAnswer.Fenced(expression));
    }

    public LogicCheck Check(JsonObject instance, string response) => Game24Checker.Check(instance, response);
}
