namespace SynthData.Verification.Code;

/// <summary>
/// The result of running one program against one problem's tests: a code verdict kind, why, and how many of the
/// test cases passed when the tests are countable (null for an outcome decided before any case ran).
/// </summary>
internal sealed record CheckOutcome(string Kind, string Reason)
{
    public int? CasesPassed { get; init; }
    public int? CasesTotal { get; init; }

    public static CheckOutcome Passed(string reason) => new(VerdictKinds.Passed, reason);
    public static CheckOutcome Failed(string reason) => new(VerdictKinds.Failed, reason);
    public static CheckOutcome Error(string reason) => new(VerdictKinds.Error, reason);

    /// <summary>This outcome with its case counts.</summary>
    public CheckOutcome WithCases(int passed, int total) => this with { CasesPassed = passed, CasesTotal = total };

    /// <summary>
    /// Partial credit: passed / total cases, 1 only for a pass. A check that failed although every case it counted
    /// passed (e.g. the program crashed or flooded output after its last answer) loses the last case, so a rejected
    /// program never scores 1. Null for a verifier error (it is re-checked, never scored).
    /// </summary>
    public double? Score()
    {
        if (Kind == VerdictKinds.Error)
            return null;
        if (Kind == VerdictKinds.Passed)
            return 1;
        if (CasesPassed is not { } passed || CasesTotal is not { } total || total <= 0)
            return 0;
        return System.Math.Round((double)System.Math.Min(passed, total - 1) / total, 6);
    }
}
