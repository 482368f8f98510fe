namespace SynthData.Reports;

/// <summary>
/// A multiset of token counts kept as value → occurrences: exact medians, percentiles and histograms in memory bounded
/// by the number of distinct lengths (at most the token cap), not by the number of samples.
/// </summary>
public sealed class TokenCounts
{
    private readonly SortedDictionary<int, long> _counts = [];

    public long Count { get; private set; }

    public double Sum { get; private set; }

    public void Add(int tokens)
    {
        _counts[tokens] = _counts.GetValueOrDefault(tokens) + 1;
        Count++;
        Sum += tokens;
    }

    public double Mean => Count == 0 ? 0 : Sum / Count;

    public double Max => Count == 0 ? 0 : _counts.Keys.Last();

    /// <summary>The value at 0-based rank <paramref name="rank"/> of the sorted samples.</summary>
    public double AtRank(long rank)
    {
        long seen = 0;
        foreach (var (value, n) in _counts)
        {
            seen += n;
            if (rank < seen)
                return value;
        }

        return Max;
    }

    public double Median => Count == 0 ? 0 : Count % 2 == 1 ? AtRank(Count / 2) : (AtRank(Count / 2 - 1) + AtRank(Count / 2)) / 2;

    /// <summary>Samples whose value falls in each bin of <paramref name="binWidth"/> (the last bin gathers the rest).</summary>
    public long[] Bins(int bins, double binWidth)
    {
        var result = new long[bins];
        foreach (var (value, n) in _counts)
            result[Math.Min(bins - 1, (int)(value / binWidth))] += n;
        return result;
    }
}
