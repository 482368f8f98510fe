using SynthData.Common;
using SynthData.Problems;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// The simulated model: writes one choice as a pure function of (problem, seed, choice index, accuracy). Nothing
/// about timing, faults or request order reaches it, so a retried request gets the same text.
/// </summary>
/// <remarks>
/// The first draw of the choice's random stream decides correctness (<c>u &lt; accuracy</c>), so raising the accuracy
/// only turns wrong choices right and never reshuffles the others.
/// </remarks>
public sealed class SimulatedModel
{
    /// <summary>Default token budget a run-away choice overruns (the server's context limit).</summary>
    public const int DefaultContextTokens = 4096;

    private readonly SimulatedAnswerBook _book;
    private readonly int _contextTokens;
    private readonly ProblemDifficulty _difficulty;

    public SimulatedModel(SimulatedAnswerBook book, double accuracy, int contextTokens = DefaultContextTokens, ProblemDifficulty? difficulty = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentOutOfRangeException.ThrowIfLessThan(accuracy, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(accuracy, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextTokens, 1);
        _book = book;
        _contextTokens = contextTokens;
        _difficulty = difficulty ?? new ProblemDifficulty(accuracy);
    }

    /// <summary>Answers a request whose question (the problem prompt inside any template) is <paramref name="requestText"/>.</summary>
    public SimulatedCompletion Complete(string requestText, long seed, int choiceIndex) =>
        Complete(requestText, seed, choiceIndex, 1)[0];

    /// <summary>Choices <paramref name="firstChoice"/> .. <paramref name="firstChoice"/> + <paramref name="count"/> - 1 of a request, recognising its problem once.</summary>
    public IReadOnlyList<SimulatedCompletion> Complete(string requestText, long seed, int firstChoice, int count)
    {
        ArgumentNullException.ThrowIfNull(requestText);
        var problem = _book.Find(requestText);
        var unknownSalt = problem is null ? "unknown:" + StableHash.Hex(ProblemId.Normalize(requestText)) : null;
        return [.. Enumerable.Range(firstChoice, count).Select(i => problem is not null
            ? Complete(problem, seed, i)
            : UnknownResponses.Guess(requestText, SeededRandom.ForItem(seed, i, unknownSalt!)))];
    }

    /// <summary>Answers a known problem directly (what a request for it would get).</summary>
    public SimulatedCompletion Complete(Problem problem, long seed, int choiceIndex)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var rng = SeededRandom.ForItem(seed, choiceIndex, "simulated:" + problem.Id);
        var correct = rng.NextDouble() < _difficulty.PassRate(problem.Id);
        var completion = problem.Domain switch
        {
            ProblemDomain.Math when WorkedSolution.From(problem) is { } solution =>
                correct ? MathResponses.Correct(solution, problem.Prompt, rng) : MathResponses.Wrong(solution, rng, _contextTokens),
            ProblemDomain.Code when ReferenceProgram.From(problem) is { } program =>
                correct ? CodeResponses.Correct(program, problem.Prompt, rng) : CodeResponses.Wrong(program, problem.Prompt, rng, _contextTokens),
            ProblemDomain.Logic when !string.IsNullOrWhiteSpace(problem.Solution) =>
                correct ? LogicResponses.Correct(problem.Solution, rng) : LogicResponses.Wrong(problem.Solution, rng, _contextTokens),
            _ => UnknownResponses.Guess(problem.Prompt, rng),
        };
        return completion with { Problem = problem };
    }
}
