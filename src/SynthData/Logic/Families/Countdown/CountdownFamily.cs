using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Arithmetic;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.Countdown;

/// <summary>
/// Countdown numbers: reach a target from given numbers, each used at most once, with + - * / and brackets. The
/// target is built by combining a random subset of the numbers (so the construction is the reference solution and
/// proves the instance solvable); levels give more numbers and build the target from more of them, and from level 2
/// a target one operation on two numbers reaches is refused. Any expression with the target's exact value is accepted.
/// </summary>
public sealed class CountdownFamily : ILogicFamily
{
    private static readonly int[] Large = [25, 50, 75, 100];

    public string Name => "countdown";

    public string Description => "Countdown numbers: reach a target from given numbers (each at most once) with + - * /";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var level = Math.Clamp(difficulty, 1, 5);
        var (poolSize, used, largeCount, maxTarget) = level switch
        {
            1 => (4, 2, 0, 100),
            2 => (5, 3, 1, 300),
            3 => (6, 4, 1, 999),
            4 => (6, 5, rng.Next(1, 2), 999),
            _ => (6, 6, rng.Next(1, 3), 999),
        };
        while (true)
        {
            var pool = Pool(rng, poolSize, largeCount);
            var construction = Construct(rng, pool, used);
            if (construction is not { } c || !c.Value.IsInteger)
                continue;
            var target = c.Value.Numerator;
            if (target < 10 || target > maxTarget || pool.Contains((int)target) || (level >= 2 && OneStep(pool, target)))
                continue;
            var instance = new JsonObject
            {
                ["family"] = Name,
                ["numbers"] = InstanceFields.Array(pool),
                ["target"] = (int)target,
            };
            var prompt = CountdownChecker.Prompt(pool, target);
            return new LogicPuzzle(prompt, instance, $"{c.Text} = {target}.\n\n" + LogicAnswer.Fenced(c.Text));
        }
    }

    public LogicCheck Check(JsonObject instance, string response) => CountdownChecker.Check(instance, response);

    private static int[] Pool(SeededRandom rng, int size, int largeCount)
    {
        var large = Large.ToList();
        rng.Shuffle(large);
        var pool = large.Take(largeCount).ToList();
        // Small numbers come in pairs of cards 1..10 as in the game, so one value appears at most twice.
        var small = Enumerable.Range(1, 10).SelectMany(n => new[] { n, n }).ToList();
        rng.Shuffle(small);
        pool.AddRange(small.Take(size - largeCount));
        rng.Shuffle(pool);
        return pool.ToArray();
    }

    // Combines `count` of the numbers in a random order with random operations, keeping every intermediate a positive
    // integer (as in the game), so the target is something a player can reach step by step.
    private static ArithmeticTerm? Construct(SeededRandom rng, int[] pool, int count)
    {
        var picked = pool.ToList();
        rng.Shuffle(picked);
        var terms = picked.Take(count).Select(n => ArithmeticTerm.Of(n)).ToList();
        while (terms.Count > 1)
        {
            var i = rng.Next(0, terms.Count - 1);
            var a = terms[i];
            terms.RemoveAt(i);
            var j = rng.Next(0, terms.Count - 1);
            var b = terms[j];
            terms.RemoveAt(j);
            if (a.Value < b.Value)
                (a, b) = (b, a);
            var ops = new List<char> { '+', '*' };
            if (a.Value > b.Value)
                ops.Add('-');
            if (b.Value > Rational.One && (a.Value / b.Value).IsInteger)
                ops.Add('/');
            if (b.Value == Rational.One)
                ops.Remove('*');
            var combined = ArithmeticTerm.Combine(a, rng.Pick(ops), b);
            if (combined is null)
                return null;
            terms.Add(combined.Value);
        }
        return terms[0];
    }

    private static bool OneStep(int[] pool, long target)
    {
        for (var i = 0; i < pool.Length; i++)
            for (var j = i + 1; j < pool.Length; j++)
            {
                long a = Math.Max(pool[i], pool[j]), b = Math.Min(pool[i], pool[j]);
                if (a + b == target || a - b == target || a * b == target || (a % b == 0 && a / b == target))
                    return true;
            }
        return false;
    }
}
