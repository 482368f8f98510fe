namespace SynthData.Pipeline.Adaptive;

/// <summary>
/// The Beta-binomial predictive distribution: with a Beta(<c>a</c>, <c>b</c>) posterior on a problem's pass rate, how
/// many of <c>m</c> further samples will be accepted. Computed by the ratio of successive terms, so no gamma function
/// is needed and every term is a product of plain ratios (exact enough for m up to samples_per_problem's 1024).
/// </summary>
public static class BetaBinomial
{
    /// <summary>P(X = x) for x = 0..m.</summary>
    public static double[] Pmf(int m, double a, double b)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b);
        var p = new double[m + 1];
        // P(X = 0) = B(a, b + m) / B(a, b) = prod_{j<m} (b + j) / (a + b + j), in logs to stay clear of underflow.
        var log0 = 0.0;
        for (var j = 0; j < m; j++)
            log0 += Math.Log((b + j) / (a + b + j));
        var logX = log0;
        p[0] = Math.Exp(log0);
        for (var x = 0; x < m; x++)
        {
            // P(x+1) / P(x) = (m - x) / (x + 1) * (a + x) / (b + m - x - 1)
            logX += Math.Log((double)(m - x) / (x + 1)) + Math.Log((a + x) / (b + m - x - 1));
            p[x + 1] = Math.Exp(logX);
        }

        return p;
    }
}
