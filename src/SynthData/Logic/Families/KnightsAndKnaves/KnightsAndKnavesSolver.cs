namespace SynthData.Logic.Families.KnightsAndKnaves;

/// <summary>Exhaustive search over every knight/knave assignment (at most 2^6 here): which fit every statement.</summary>
internal static class KnightsAndKnavesSolver
{
    /// <summary>How many assignments fit, counting no further than <paramref name="limit"/>.</summary>
    public static int Count(int people, IReadOnlyList<(int Speaker, Claim Claim)> statements, int limit)
    {
        var found = 0;
        for (var knights = 0; knights < 1 << people && found < limit; knights++)
            if (Fits(knights, statements))
                found++;
        return found;
    }

    /// <summary>Each statement is true exactly when its speaker is a knight.</summary>
    public static bool Fits(int knights, IReadOnlyList<(int Speaker, Claim Claim)> statements)
    {
        foreach (var (speaker, claim) in statements)
            if (claim.Holds(knights) != (((knights >> speaker) & 1) == 1))
                return false;
        return true;
    }
}
