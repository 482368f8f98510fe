namespace SynthData.Sampling;

/// <summary>Divides a whole-number total in proportion to weights so that the parts add up to the total exactly.</summary>
internal static class UsageSplit
{
    public static int[] Divide(int total, long[] weights)
    {
        var parts = new int[weights.Length];
        if (weights.Length == 0 || total <= 0)
            return parts;
        var sum = weights.Sum();
        var remainders = new (double Fraction, int Index)[weights.Length];
        var given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (double)total * weights[i] / sum;
            parts[i] = (int)Math.Floor(exact);
            given += parts[i];
            remainders[i] = (exact - parts[i], i);
        }

        // Largest remainder first; ties go to the lower index, so the split is deterministic.
        foreach (var (_, i) in remainders.OrderByDescending(r => r.Fraction).ThenBy(r => r.Index).Take(total - given))
            parts[i]++;
        return parts;
    }
}
