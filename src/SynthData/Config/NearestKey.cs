namespace SynthData.Config;

/// <summary>Suggests the valid key a mistyped one most likely meant (edit distance, with transpositions).</summary>
internal static class NearestKey
{
    /// <summary>The closest of <paramref name="valid"/> to <paramref name="key"/>, or null when none is close enough to be a typo.</summary>
    public static string? Find(string key, IEnumerable<string> valid)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in valid)
        {
            var d = Distance(key.ToLowerInvariant().Replace('-', '_'), candidate);
            if (d < bestDistance)
                (best, bestDistance) = (candidate, d);
        }

        // A third of the key's length (at least 2) tolerates a typo or two, not a different word.
        return best is not null && bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
