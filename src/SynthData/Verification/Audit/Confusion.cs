using System.Text.Json.Nodes;

namespace SynthData.Verification.Audit;

/// <summary>Confusion counts of an audit (math or code); "positive" means the verifier accepted.</summary>
public sealed record Confusion(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;
    public double Agreement => Total == 0 ? 0 : (double)(TruePositives + TrueNegatives) / Total;
    /// <summary>Of the accepted, how many should be: the figure that protects the data. 1 when nothing was accepted.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    /// <summary>Of the should-be-accepted, how many were. 1 when there were none.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public static Confusion Of(IEnumerable<(bool Accepted, bool Expected)> judged)
    {
        var (tp, fp, tn, fn) = (0, 0, 0, 0);
        foreach (var (accepted, expected) in judged)
        {
            if (accepted)
            {
                if (expected) tp++; else fp++;
            }
            else if (expected)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }

    /// <summary>The counts as the audits' JSON reports write them.</summary>
    public JsonObject ToJson() => new()
    {
        ["cases"] = Total,
        ["agreement"] = System.Math.Round(Agreement, 6),
        ["precision"] = System.Math.Round(Precision, 6),
        ["recall"] = System.Math.Round(Recall, 6),
        ["true_positives"] = TruePositives,
        ["false_positives"] = FalsePositives,
        ["true_negatives"] = TrueNegatives,
        ["false_negatives"] = FalseNegatives,
    };
}

/// <summary>Check durations of an audit, sorted once, for nearest-rank percentiles.</summary>
public sealed class AuditDurations(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public double Percentile(double p) =>
        _sorted.Length == 0 ? 0 : _sorted[System.Math.Clamp((int)System.Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
