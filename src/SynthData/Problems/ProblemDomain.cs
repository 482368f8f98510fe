namespace SynthData.Problems;

/// <summary>What kind of checking a problem needs.</summary>
public enum ProblemDomain
{
    Math,
    Code,
    Logic,
}

public static class ProblemDomainNames
{
    public static string ToWire(this ProblemDomain domain) => domain switch
    {
        ProblemDomain.Math => "math",
        ProblemDomain.Code => "code",
        ProblemDomain.Logic => "logic",
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    public static bool TryParse(string? text, out ProblemDomain domain)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "math": domain = ProblemDomain.Math; return true;
            case "code": domain = ProblemDomain.Code; return true;
            case "logic": domain = ProblemDomain.Logic; return true;
            default: domain = default; return false;
        }
    }
}
