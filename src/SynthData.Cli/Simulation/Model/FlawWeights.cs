using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

internal static class FlawWeights
{
    /// <summary>Draws a flaw from a table whose weights add up to 1.</summary>
    public static SimulatedFlaw Pick(SeededRandom rng, IReadOnlyList<(SimulatedFlaw Flaw, double Weight)> table)
    {
        var u = rng.NextDouble();
        foreach (var (flaw, weight) in table)
        {
            if ((u -= weight) < 0)
                return flaw;
        }
        return table[^1].Flaw;
    }
}
