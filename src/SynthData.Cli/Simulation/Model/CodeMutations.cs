using System.Text.RegularExpressions;
using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

/// <summary>The classic small bugs: loop bounds off by one, flipped comparisons, wrong slice starts, wrong constants.</summary>
internal static partial class CodeMutations
{
    private static readonly (Regex Pattern, string Replacement)[] Mutations =
    [
        (RangeCall(), "range(${args} - 1)"),
        (new Regex("<="), "<"),
        (new Regex(">="), ">"),
        (new Regex(" < "), " <= "),
        (new Regex(" > "), " >= "),
        (new Regex(@"\[1:\]"), "[2:]"),
        (new Regex(@"\[:-1\]"), "[:-2]"),
        (new Regex(@"\+ 1\b"), "+ 2"),
        (new Regex(@"== 0\b"), "== 1"),
        (new Regex(@"\breturn True\b"), "return False"),
    ];

    /// <summary>The program with one mutation applied in its body, or <c>null</c> when none applies.</summary>
    public static string? Apply(ReferenceProgram program, SeededRandom rng)
    {
        var order = Enumerable.Range(0, Mutations.Length).ToList();
        rng.Shuffle(order);
        foreach (var i in order)
        {
            var (pattern, replacement) = Mutations[i];
            var match = pattern.Match(program.Text, program.BodyStart);
            if (!match.Success)
                continue;
            return program.Text[..match.Index] + match.Result(replacement) + program.Text[(match.Index + match.Length)..];
        }
        return null;
    }

    [GeneratedRegex(@"range\((?<args>[^()\n]*(\([^()\n]*\))?[^()\n]*)\)")]
    private static partial Regex RangeCall();
}
