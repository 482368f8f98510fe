using SynthData.Logic.Domain;
using SynthData.Problems;

namespace SynthData.Export;

/// <summary>
/// What an RL reward function checks against, as one self-contained string (a Parquet column has one type).
/// Math: the reference answer. Code: the tests as JSON in the shapes of <see cref="CodeTestsJson"/> —
/// <c>{"inputs", "outputs"}</c> for stdin/stdout tests (the layout verl's code scorers read), otherwise
/// <c>{"function_tests", "entry_point"}</c> or <c>{"tests", "entry_point"}</c> — which the reward server and
/// <c>verify code</c> read back with the same reader. Logic: the puzzle instance as JSON text.
/// </summary>
public static class GroundTruth
{
    public static string For(Problem p) => p.Domain switch
    {
        ProblemDomain.Math => p.Answer ?? "",
        ProblemDomain.Logic => LogicProblems.GroundTruth(p),
        _ => CodeTestsJson.Serialize(p),
    };
}
