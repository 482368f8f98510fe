using System.Numerics;
using SynthData.Common;

namespace SynthData.Verification.Math.Equivalence;

/// <summary>
/// Seeded variable bindings for comparing expressions by evaluation. Seeded by the variable names only, so a check
/// is deterministic and independent of everything else. Half the points are positive (roots and logs defined),
/// half may be negative (so |x| is not x and sqrt(x^2) is not x).
/// </summary>
internal static class RandomPoints
{
    public static IEnumerable<Dictionary<string, Complex>> For(IReadOnlyCollection<string> variables, int count)
    {
        var random = SeededRandom.ForItem(0x5EED, variables.Count, string.Join(",", variables));
        for (var point = 0; point < count; point++)
        {
            var binding = new Dictionary<string, Complex>(StringComparer.Ordinal);
            foreach (var name in variables)
            {
                var magnitude = 0.25 + random.NextDouble() * 2.75;
                var negative = point % 2 == 1 && random.Chance(0.5);
                binding[name] = new Complex(negative ? -magnitude : magnitude, 0);
            }
            yield return binding;
        }
    }

    public static string Describe(Dictionary<string, Complex> binding) =>
        string.Join(", ", binding.Select(kv => $"{kv.Key}={kv.Value.Real.ToString("g4", System.Globalization.CultureInfo.InvariantCulture)}"));
}
