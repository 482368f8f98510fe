using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

/// <summary>Problem deduplication before sampling, across sources and against problems already in the ledger.</summary>
public sealed class DedupOptions
{
    /// <summary>Drop a problem whose prompt equals an earlier one after normalisation (case, Unicode form, whitespace).</summary>
    public bool Exact { get; set; } = true;

    /// <summary>Estimated Jaccard similarity of word shingles at or above which a problem is a near duplicate (null: off).</summary>
    [Range(0.05, 1.0)]
    public double? NearThreshold { get; set; } = 0.7;

    /// <summary>Words per shingle.</summary>
    [Range(1, 32)]
    public int ShingleSize { get; set; } = 3;

    /// <summary>MinHash signature length; longer is more precise and slower.</summary>
    [Range(16, 1024)]
    public int NumPermutations { get; set; } = 128;

    /// <summary>
    /// Near duplicates must also be judged the same way: the same reference answer (math) or the same tests (code).
    /// A templated problem with other numbers or other hidden tests is a different problem; a reworded one is not.
    /// </summary>
    public bool RequireSameAnswer { get; set; } = true;
}
