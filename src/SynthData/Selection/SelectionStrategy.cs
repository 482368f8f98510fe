namespace SynthData.Selection;

/// <summary>How up to k accepted traces are picked per problem.</summary>
public enum SelectionStrategy
{
    /// <summary>The lowest sample indexes (rejection sampling's classic keep).</summary>
    First,
    /// <summary>The fewest completion tokens.</summary>
    Shortest,
    /// <summary>A seeded random choice, stable for a given (seed, problem, sample).</summary>
    Random,
    /// <summary>Greedily the trace least similar (word shingles) to those already kept.</summary>
    Distinct,
}
