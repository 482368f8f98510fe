using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

public sealed class SelectionOptions
{
    /// <summary>Accepted traces kept per problem in the SFT export (rejection sampling keeps the first k by sample index).</summary>
    [Range(1, 1024)]
    public int KeepPerProblem { get; set; } = 1;
}
