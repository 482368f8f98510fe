using System.Text;
using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

/// <summary>Math responses built from a worked solution: the right one, and the realistic ways of getting it wrong.</summary>
internal static class MathResponses
{
    private static readonly string[] Openers =
    [
        "Let me work through this step by step.",
        "Okay, let me break the problem down.",
        "First, I'll pin down what is being asked, then compute it.",
        "Let me set up the quantities and work it out carefully.",
    ];

    private static readonly string[] Closers = AnswerStatements.Closers;

    private static readonly (SimulatedFlaw Flaw, double Weight)[] Flaws =
    [
        (SimulatedFlaw.ArithmeticSlip, 0.30),
        (SimulatedFlaw.WrongFinalAnswer, 0.20),
        (SimulatedFlaw.NoFinalAnswer, 0.15),
        (SimulatedFlaw.Hedging, 0.15),
        (SimulatedFlaw.CutOff, 0.20),
    ];

    /// <summary>The worked steps, then the reference answer in one of the equivalent forms and endings real models use.</summary>
    public static SimulatedCompletion Correct(WorkedSolution solution, string prompt, SeededRandom rng)
    {
        var opener = rng.Pick(Openers);
        var conclusion = $"{rng.Pick(Closers)} {solution.Answer}.";
        var (answer, final) = AnswerStatements.State(solution.Answer, prompt, rng);
        return new SimulatedCompletion
        {
            Reasoning = Join(opener, solution.Steps, conclusion),
            Answer = answer,
            Flaw = SimulatedFlaw.None,
            FinalAnswer = final,
        };
    }

    public static SimulatedCompletion Wrong(WorkedSolution solution, SeededRandom rng, int tokenBudget)
    {
        var flaw = FlawWeights.Pick(rng, Flaws);
        var wrong = WrongAnswers.Perturb(solution.Answer, rng);
        var steps = solution.Steps;
        var allButLast = steps.Count > 1 ? steps.Take(steps.Count - 1).ToList() : [];
        switch (flaw)
        {
            case SimulatedFlaw.ArithmeticSlip when Slip.TryApply(steps, solution.Answer, rng) is { } slip:
                return Committed(rng, slip.Steps, slip.Answer, flaw);
            case SimulatedFlaw.ArithmeticSlip or SimulatedFlaw.WrongFinalAnswer:
                return Committed(rng, allButLast, wrong, SimulatedFlaw.WrongFinalAnswer);
            case SimulatedFlaw.NoFinalAnswer:
                return new SimulatedCompletion
                {
                    Reasoning = Join(rng.Pick(Openers), solution.StepsBeforeAnswer(),
                        "Hmm, I'm not sure this approach accounts for everything. Let me reconsider how the quantities relate... "
                        + "I keep going back and forth on the last part."),
                    Answer = "I wasn't able to settle on a final value; the working above needs another careful check.",
                    Flaw = flaw,
                };
            case SimulatedFlaw.Hedging:
                return new SimulatedCompletion
                {
                    Reasoning = Join(rng.Pick(Openers), allButLast,
                        $"That seems to give {solution.Answer}. But if I read the question slightly differently, it would be {wrong}."),
                    Answer = $"The answer is $\\boxed{{{solution.Answer}}}$, or possibly $\\boxed{{{wrong}}}$ — I can't decide which reading is intended.",
                    Flaw = flaw,
                    FinalAnswer = wrong,
                };
            default:
                return new SimulatedCompletion
                {
                    Reasoning = Runaway.Extend(Join(rng.Pick(Openers), solution.StepsBeforeAnswer(), null), solution.StepsBeforeAnswer(), tokenBudget),
                    Flaw = SimulatedFlaw.CutOff,
                };
        }
    }

    private static SimulatedCompletion Committed(SeededRandom rng, IReadOnlyList<string> steps, string answer, SimulatedFlaw flaw)
    {
        var closer = rng.Pick(Closers);
        return new SimulatedCompletion
        {
            Reasoning = Join(rng.Pick(Openers), steps, $"{closer} {answer}."),
            Answer = $"{closer} $\\boxed{{{answer}}}$.",
            Flaw = flaw,
            FinalAnswer = answer,
        };
    }

    private static string Join(string opener, IReadOnlyList<string> steps, string? conclusion)
    {
        var sb = new StringBuilder(opener);
        if (steps.Count > 0)
            sb.Append("\n\n").AppendJoin('\n', steps);
        if (conclusion is not null)
            sb.Append("\n\n").Append(conclusion);
        return sb.ToString();
    }
}
