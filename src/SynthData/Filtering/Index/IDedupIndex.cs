using SynthData.Problems;

namespace SynthData.Filtering.Index;

/// <summary>A problem as the duplicate judge remembers it: enough to match it and to name it in a drop record.</summary>
/// <param name="Group">Digest of its domain and of how it is judged (answer, tests or instance): only equal groups can be duplicates.</param>
/// <param name="Exact">Digest of its domain and normalised prompt; null when exact dedup is off.</param>
/// <param name="Text">The start of its prompt, for the reports.</param>
public sealed record DedupEntry(string ProblemId, UInt128 Group, UInt128? Exact, string Text);

/// <summary>
/// Where the duplicate judge keeps the problems it has seen. In memory for a list judged on its own; in the ledger for
/// runs, so a ledger of any size is judged against in constant memory and is never hashed again.
/// </summary>
public interface IDedupIndex
{
    /// <param name="bandKeys">Its LSH band keys (empty when near-duplicate detection is off).</param>
    /// <param name="signature">Its MinHash signature (empty when near-duplicate detection is off).</param>
    void Add(DedupEntry entry, ReadOnlySpan<ulong> bandKeys, ReadOnlySpan<ulong> signature);

    /// <summary>The first remembered problem with this exact digest, or null.</summary>
    DedupEntry? FindExact(UInt128 exact);

    /// <summary>Remembered problems sharing at least one band key, each once, in the order they were added.</summary>
    IEnumerable<(DedupEntry Entry, ulong[] Signature)> Candidates(ReadOnlySpan<ulong> bandKeys);
}
