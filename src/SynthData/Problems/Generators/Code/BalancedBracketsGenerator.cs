using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;

namespace SynthData.Problems.Generators.Code;

/// <summary>Are the brackets balanced? Half the cases are balanced, half are near misses; higher levels add bracket kinds, depth and noise characters.</summary>
public sealed class BalancedBracketsGenerator : IProblemGenerator
{
    private const string Reference = """
        def is_balanced(s: str) -> bool:
            pairs = {")": "(", "]": "[", "}": "{"}
            stack = []
            for c in s:
                if c in "([{":
                    stack.append(c)
                elif c in pairs:
                    if not stack or stack.pop() != pairs[c]:
                        return False
            return not stack
        """;

    public string Name => "balanced_brackets";
    public string Description => "Python: decide whether (), [] and {} are balanced and properly nested, ignoring other characters";
    public ProblemDomain Domain => ProblemDomain.Code;
    public int MaxDifficulty => 5;

    public GeneratedProblem Generate(SeededRandom rng, int difficulty)
    {
        var kinds = difficulty == 1 ? "()" : difficulty == 2 ? "()[]" : "()[]{}";
        var inputs = new List<string>();
        for (var i = 0; i < 10 + difficulty * 2; i++)
        {
            var s = Balanced(rng, kinds, rng.Next(1, 2 + difficulty * 3));
            if (i % 2 == 1)
                s = Break(rng, s, kinds);
            if (difficulty >= 3)
                s = AddNoise(rng, s);
            inputs.Add(s);
        }
        if (difficulty >= 2)
            inputs.AddRange(["", ")(", "([)]"]);
        var tests = inputs.Select(s => FunctionProblem.Test(JsonValue.Create(IsBalanced(s)), JsonValue.Create(s))).ToList();
        return FunctionProblem.Create("is_balanced", "is_balanced(s: str) -> bool", """
            Return True if every bracket in `s` ((), [] and {}) is closed by the matching bracket in the right
            order (properly nested), and False otherwise. Characters other than brackets are ignored; the empty
            string is balanced. Return a bool, not an int.
            """, tests, Reference, difficulty);
    }

    internal static bool IsBalanced(string s)
    {
        var stack = new Stack<char>();
        foreach (var c in s)
        {
            var open = c switch { ')' => '(', ']' => '[', '}' => '{', _ => '\0' };
            if (c is '(' or '[' or '{')
                stack.Push(c);
            else if (open != '\0' && (stack.Count == 0 || stack.Pop() != open))
                return false;
        }
        return stack.Count == 0;
    }

    private static string Balanced(SeededRandom rng, string kinds, int pairs)
    {
        var sb = new StringBuilder();
        var open = new Stack<int>();
        var remaining = pairs;
        while (remaining > 0 || open.Count > 0)
        {
            if (remaining > 0 && (open.Count == 0 || rng.Chance(0.55)))
            {
                var k = rng.Next(0, kinds.Length / 2 - 1);
                sb.Append(kinds[2 * k]);
                open.Push(k);
                remaining--;
            }
            else
            {
                sb.Append(kinds[2 * open.Pop() + 1]);
            }
        }
        return sb.ToString();
    }

    private static string Break(SeededRandom rng, string s, string kinds)
    {
        var chars = s.ToCharArray().ToList();
        switch (rng.Next(0, 2))
        {
            case 0:
                chars.RemoveAt(rng.Next(0, chars.Count - 1));
                break;
            case 1:
                chars.Insert(rng.Next(0, chars.Count), kinds[rng.Next(0, kinds.Length - 1)]);
                break;
            default:
                var i = rng.Next(0, chars.Count - 1);
                var others = kinds.Where(c => c != chars[i]).ToArray();
                chars[i] = rng.Pick(others);
                break;
        }
        return new string(chars.ToArray());
    }

    private static string AddNoise(SeededRandom rng, string s)
    {
        const string Noise = "abx 1+*";
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (rng.Chance(0.3))
                sb.Append(Noise[rng.Next(0, Noise.Length - 1)]);
            sb.Append(c);
        }
        return sb.ToString();
    }
}
