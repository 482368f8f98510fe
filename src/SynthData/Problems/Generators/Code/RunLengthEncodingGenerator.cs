using System.Text;
using SynthData.Common;

namespace SynthData.Problems.Generators.Code;

/// <summary>Run-length encoding "aaab" -> "a3b1"; difficulty grows the strings, the alphabet and the run lengths (two-digit runs).</summary>
public sealed class RunLengthEncodingGenerator : IProblemGenerator
{
    private const string Reference = """
        def rle_encode(s: str) -> str:
            out = []
            i = 0
            while i < len(s):
                j = i
                while j < len(s) and s[j] == s[i]:
                    j += 1
                out.append(s[i] + str(j - i))
                i = j
            return "".join(out)
        """;

    public string Name => "run_length_encoding";
    public string Description => "Python: run-length encode a string (char + run length), hidden tests with long runs and edge cases";
    public ProblemDomain Domain => ProblemDomain.Code;
    public int MaxDifficulty => 5;

    public GeneratedProblem Generate(SeededRandom rng, int difficulty)
    {
        var alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 !"[..(2 + difficulty * 4)];
        var maxRun = difficulty switch { 1 => 3, 2 => 5, 3 => 12, 4 => 25, _ => 120 };
        var inputs = new List<string>();
        for (var i = 0; i < 8 + difficulty * 2; i++)
            inputs.Add(RandomRuns(rng, alphabet, 1 + rng.Next(1, 2 + difficulty * 2), maxRun));
        if (difficulty >= 2)
            inputs.AddRange(["", alphabet[..1]]);
        if (difficulty >= 3)
            inputs.Add(new string(alphabet[^1], maxRun));
        var tests = inputs.Select(s => FunctionProblem.Test(Encode(s), s)).ToList();
        return FunctionProblem.Create("rle_encode", "rle_encode(s: str) -> str", """
            Run-length encode `s`: replace every maximal run of one repeated character by that character followed by
            the run length in decimal (runs of length 1 get "1" too). Characters are case-sensitive and may be
            digits or spaces. The empty string encodes to the empty string.
            """, tests, Reference, difficulty);
    }

    internal static string Encode(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length;)
        {
            var j = i;
            while (j < s.Length && s[j] == s[i])
                j++;
            sb.Append(s[i]).Append(j - i);
            i = j;
        }
        return sb.ToString();
    }

    private static string RandomRuns(SeededRandom rng, string alphabet, int runs, int maxRun)
    {
        var sb = new StringBuilder();
        var previous = '\0';
        for (var r = 0; r < runs; r++)
        {
            char c;
            do c = rng.Pick(alphabet.ToCharArray()); while (c == previous && alphabet.Length > 1);
            sb.Append(c, rng.Next(1, maxRun));
            previous = c;
        }
        return sb.ToString();
    }
}
