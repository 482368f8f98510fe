using SynthData.Common;

namespace SynthData.Problems;

/// <summary>
/// A seeded procedural problem family: an extension point. Implementations must be pure functions of
/// (rng, difficulty): same inputs, same problem, on every machine.
/// </summary>
public interface IProblemGenerator
{
    /// <summary>Stable name used in config (<c>generator: NAME</c>) and provenance, e.g. <c>linear_equation</c>.</summary>
    string Name { get; }

    string Description { get; }

    ProblemDomain Domain { get; }

    /// <summary>Difficulty levels are 1..<see cref="MaxDifficulty"/>; higher means larger numbers or more steps.</summary>
    int MaxDifficulty { get; }

    GeneratedProblem Generate(SeededRandom rng, int difficulty);
}

/// <summary>What a generator produces before it is given an id and provenance.</summary>
public sealed record GeneratedProblem
{
    public required string Prompt { get; init; }
    public string? Answer { get; init; }
    public string? Solution { get; init; }
    public string? Tests { get; init; }
    public string? EntryPoint { get; init; }
    public IReadOnlyList<IoTest>? IoTests { get; init; }
    public IReadOnlyList<FunctionTest>? FunctionTests { get; init; }
    public System.Text.Json.Nodes.JsonObject? Metadata { get; init; }
}
