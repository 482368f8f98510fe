using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.TowerOfHanoi;

/// <summary>
/// Tower of Hanoi with 3 to 8 disks. At levels 1-2 half the instances use the classic start (every disk on one peg,
/// moved to another); the rest, and all from level 3 on, start from a random legal position and gather on a random
/// target peg, so the answer is not the memorised 2^n - 1 pattern.
/// </summary>
public sealed class HanoiFamily : ILogicFamily
{
    private static readonly (int MinDisks, int MaxDisks, double RandomStart)[] Levels =
        [(3, 3, 0.5), (4, 4, 0.5), (5, 5, 1), (6, 6, 1), (7, 8, 1)];

    public string Name => "tower_of_hanoi";

    public string Description => "Tower of Hanoi (3-8 disks, classic or scrambled start): the fewest moves, checked by simulation";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (min, max, randomStart) = Levels[Math.Clamp(difficulty, 1, Levels.Length) - 1];
        var disks = rng.Next(min, max);
        int[] start;
        int target;
        List<(int From, int To)> moves;
        do
        {
            var scrambled = rng.Chance(randomStart);
            var tower = rng.Next(0, 2);
            start = scrambled ? Enumerable.Range(0, disks).Select(_ => rng.Next(0, 2)).ToArray() : Enumerable.Repeat(tower, disks).ToArray();
            target = scrambled ? rng.Next(0, 2) : (tower + rng.Next(1, 2)) % 3;
            moves = HanoiSolver.Solve(start, target);
        }
        while (moves.Count < disks); // a scramble that is already nearly home is too easy for its level
        var instance = new JsonObject
        {
            ["family"] = "tower_of_hanoi",
            ["disks"] = disks,
            ["start"] = InstanceFields.Array(start),
            ["target"] = target,
            ["optimal"] = moves.Count,
        };
        var pegs = string.Join('\n', Enumerable.Range(0, 3).Select(p =>
        {
            var onPeg = Enumerable.Range(1, disks).Where(d => start[d - 1] == p).Reverse().ToList();
            return $"{HanoiChecker.Peg(p)}: " + (onPeg.Count == 0 ? "(empty)" : string.Join(' ', onPeg));
        }));
        var prompt = new StringBuilder()
            .AppendLine($"Tower of Hanoi with {disks} disks numbered 1 (smallest) to {disks} (largest) on pegs A, B and C. "
                + "Each peg lists its disks from bottom to top:")
            .AppendLine("```").AppendLine(pegs).AppendLine("```")
            .AppendLine("A move takes the top disk of one peg and puts it on another peg, never on top of a smaller disk. "
                + $"Goal: all {disks} disks on peg {HanoiChecker.Peg(target)}. Find a solution with the fewest possible moves.")
            .AppendLine("Answer format: one move per line as `from to` with peg letters (for example `A C`), "
                + "inside a final fenced code block (```).")
            .ToString();
        var reference = $"All disks reach peg {HanoiChecker.Peg(target)} in {moves.Count} moves (the minimum).\n"
            + LogicAnswer.Fenced(string.Join('\n', moves.Select(m => $"{HanoiChecker.Peg(m.From)} {HanoiChecker.Peg(m.To)}")));
        return new LogicPuzzle(prompt, instance, reference);
    }

    public LogicCheck Check(JsonObject instance, string response) => HanoiChecker.Check(instance, response);
}
