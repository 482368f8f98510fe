using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.Cryptarithm;

/// <summary>
/// Letter additions (SEND + MORE = MONEY): a random true sum whose digits are replaced by letters, kept only when the
/// solver proves exactly one digit assignment. Levels add digits and addends (more letters, deeper search).
/// </summary>
public sealed class CryptarithmFamily : ILogicFamily
{
    private const int MaxAttempts = 10_000;

    public string Name => "cryptarithm";

    public string Description => "Cryptarithm: letters stand for distinct digits in a true addition; find the unique assignment";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var lengths = Math.Clamp(difficulty, 1, 5) switch
        {
            1 => new[] { 3, 2 },
            2 => [3, 3],
            3 => [4, 4],
            4 => [5, 5],
            _ => [5, 4, 4],
        };
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var numbers = lengths.Select(n => rng.Next(Pow10(n - 1), Pow10(n) - 1)).ToArray();
            var sum = numbers.Sum();
            var texts = numbers.Append(sum).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();
            var letterPool = Enumerable.Range('A', 26).Select(c => (char)c).ToList();
            rng.Shuffle(letterPool);
            var words = texts.Select(t => new string(t.Select(c => letterPool[c - '0']).ToArray())).ToArray();
            var solver = new CryptarithmSolver(words[..^1], words[^1]);
            if (solver.Letters.Count < lengths.Sum() / 2 + 1 || solver.Count(2) != 1)
                continue;
            return Build(words[..^1], words[^1], solver);
        }
        throw new InvalidOperationException($"no unique cryptarithm in {MaxAttempts} attempts");
    }

    public LogicCheck Check(JsonObject instance, string response) => CryptarithmChecker.Check(instance, response);

    private LogicPuzzle Build(string[] addends, string result, CryptarithmSolver solver)
    {
        var digits = solver.FirstSolution!;
        var solution = new JsonObject();
        var body = new StringBuilder();
        foreach (var (letter, i) in solver.Letters.Select((l, i) => (l, i)).OrderBy(p => p.l))
        {
            solution[letter.ToString()] = digits[i];
            body.Append(CultureInfo.InvariantCulture, $"{letter} = {digits[i]}\n");
        }
        var instance = new JsonObject
        {
            ["family"] = Name,
            ["addends"] = InstanceFields.Array(addends),
            ["result"] = result,
            ["solution"] = solution,
        };
        var numbers = addends.Append(result).Select(w => string.Concat(w.Select(c => (char)('0' + (int)solution[c.ToString()]!))));
        return new LogicPuzzle(CryptarithmChecker.Prompt(addends, result), instance,
            $"The unique assignment gives {string.Join(" + ", numbers.SkipLast(1))} = {numbers.Last()}.\n\n" + LogicAnswer.Fenced(body.ToString()));
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n; i++)
            p *= 10;
        return p;
    }
}
