using System.Globalization;
using SynthData.Common;

namespace SynthData.Selection;

/// <summary>
/// Train/test split by problem: a problem is in the test split when its hash under the seed falls below the test
/// fraction. Depending only on (seed, id), a problem's split never changes as later runs add problems.
/// </summary>
public sealed class SplitAssigner(double testFraction, long seed)
{
    public const string Train = "train";
    public const string Test = "test";

    public bool Enabled => testFraction > 0;

    public string Of(string problemId)
    {
        if (!Enabled)
            return Train;
        var h = StableHash.Int64("split", seed.ToString(CultureInfo.InvariantCulture), problemId);
        return h / (double)long.MaxValue < testFraction ? Test : Train;
    }
}
