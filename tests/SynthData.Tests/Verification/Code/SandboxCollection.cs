namespace SynthData.Tests.Verification.Code;

/// <summary>
/// Sandbox tests share one verifier and run one class at a time: they saturate the cores anyway, and the
/// "no process left behind" check must not see another class's live sandboxes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
