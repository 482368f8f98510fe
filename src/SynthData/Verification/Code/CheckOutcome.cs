namespace SynthData.Verification.Code;

/// <summary>The result of running one program against one problem's tests: a code verdict kind and why.</summary>
internal sealed record CheckOutcome(string Kind, string Reason)
{
    public static CheckOutcome Passed(string reason) => new(VerdictKinds.Passed, reason);
    public static CheckOutcome Failed(string reason) => new(VerdictKinds.Failed, reason);
    public static CheckOutcome Error(string reason) => new(VerdictKinds.Error, reason);
}
