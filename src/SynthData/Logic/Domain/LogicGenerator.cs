using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Problems;

namespace SynthData.Logic.Domain;

/// <summary>A logic family as a problem generator: the instance travels in <c>metadata.puzzle</c>, the reference response as the solution.</summary>
public sealed class LogicGenerator(ILogicFamily family) : IProblemGenerator
{
    public static IEnumerable<IProblemGenerator> All => LogicFamilies.All.Select(f => new LogicGenerator(f));

    public string Name => family.Name;
    public string Description => family.Description;
    public ProblemDomain Domain => ProblemDomain.Logic;
    public int MaxDifficulty => family.MaxDifficulty;

    public GeneratedProblem Generate(SeededRandom rng, int difficulty)
    {
        var puzzle = family.Generate(rng, difficulty);
        return new GeneratedProblem
        {
            Prompt = puzzle.Prompt,
            Solution = puzzle.ReferenceResponse,
            Metadata = new JsonObject { [LogicProblems.MetadataKey] = puzzle.Instance.DeepClone() },
        };
    }
}
