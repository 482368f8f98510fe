using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

/// <summary>The reward server (<c>synthdata serve-reward</c>, config section <c>reward</c>); verifier settings come from <c>verification</c>.</summary>
public sealed class RewardOptions
{
    /// <summary>
    /// Deadline for judging one item, counted from when it gets a verifier slot (so a long queue behind a big batch
    /// is not a timeout). An item over it gets kind <c>timeout</c> with an <c>error</c>; the others go on.
    /// </summary>
    [Range(0.1, 3600)]
    public double ItemTimeoutSeconds { get; set; } = 60;

    /// <summary>Largest request body accepted; a bigger one is refused with 413.</summary>
    [Range(1, 4096)]
    public int MaxRequestMb { get; set; } = 64;

    /// <summary>How long in-flight requests may run on after SIGTERM/Ctrl-C before the server stops anyway.</summary>
    [Range(0, 3600)]
    public double ShutdownGraceSeconds { get; set; } = 30;
}
