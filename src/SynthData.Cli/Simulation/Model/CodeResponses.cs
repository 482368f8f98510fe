using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

/// <summary>Code responses built from the reference program: the right one, and the realistic ways of getting it wrong.</summary>
internal static class CodeResponses
{
    private static readonly string[] Plans =
    [
        "I'll handle the general case directly, then make sure the edge cases (empty input, single element, boundaries) behave.",
        "The examples suggest a straightforward pass over the input; I need to be careful with the boundaries.",
        "Let me think about the inputs first, then write a simple implementation and trace it on the examples.",
    ];

    private static readonly string[] Intros = ["Here is the implementation:", "Here's a solution:", "The complete function:"];

    private static readonly (SimulatedFlaw Flaw, double Weight)[] Flaws =
    [
        (SimulatedFlaw.OffByOne, 0.35),
        (SimulatedFlaw.IncompleteBody, 0.20),
        (SimulatedFlaw.SyntaxError, 0.15),
        (SimulatedFlaw.NoCodeBlock, 0.15),
        (SimulatedFlaw.CutOff, 0.15),
    ];

    public static SimulatedCompletion Correct(ReferenceProgram program, string prompt, SeededRandom rng) =>
        WithCode(Reasoning(program, prompt, rng), program.Text, SimulatedFlaw.None, rng);

    public static SimulatedCompletion Wrong(ReferenceProgram program, string prompt, SeededRandom rng, int tokenBudget)
    {
        var flaw = FlawWeights.Pick(rng, Flaws);
        var reasoning = Reasoning(program, prompt, rng);
        switch (flaw)
        {
            case SimulatedFlaw.OffByOne when CodeMutations.Apply(program, rng) is { } mutated:
                return WithCode(reasoning, mutated, flaw, rng);
            case SimulatedFlaw.OffByOne or SimulatedFlaw.IncompleteBody:
                return WithCode(reasoning, Incomplete(program), SimulatedFlaw.IncompleteBody, rng);
            case SimulatedFlaw.SyntaxError:
                return WithCode(reasoning, Unparsable(program), flaw, rng);
            case SimulatedFlaw.NoCodeBlock:
                var name = program.EntryPoint ?? "the program";
                return new SimulatedCompletion
                {
                    Reasoning = reasoning,
                    Answer = $"To solve this, `{name}` should walk through the input once, keep track of the running result, "
                        + "and return it at the end, taking care of empty input. That covers the examples in the statement.",
                    Flaw = flaw,
                };
            default:
                var lines = program.Text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => $"what does `{l.Trim()}` do here?").ToList();
                return new SimulatedCompletion { Reasoning = Runaway.Extend(reasoning, lines, tokenBudget), Flaw = SimulatedFlaw.CutOff };
        }
    }

    private static string Reasoning(ReferenceProgram program, string prompt, SeededRandom rng)
    {
        var target = program.EntryPoint is null ? "a program that reads the input and prints the answer" : $"the function `{program.EntryPoint}`";
        return $"The task: {ReferenceProgram.Summary(prompt)}\n\nI need to write {target}. {rng.Pick(Plans)}";
    }

    private static SimulatedCompletion WithCode(string reasoning, string code, SimulatedFlaw flaw, SeededRandom rng) => new()
    {
        Reasoning = reasoning,
        Answer = $"{rng.Pick(Intros)}\n\n```python\n{code}\n```",
        Flaw = flaw,
        FinalAnswer = code,
    };

    private static string Incomplete(ReferenceProgram program)
    {
        var def = program.DefLine();
        if (!def.Success)
            return "import sys\n\n# TODO: parse the input and print the answer\ndata = sys.stdin.read()";
        var body = def.Groups["indent"].Value + "    ";
        var head = program.BodyStart > def.Index ? program.Text[..program.BodyStart].TrimEnd() : program.Text[..(def.Index + def.Length)];
        return $"{head}\n{body}# TODO: handle the general case\n{body}return None";
    }

    private static string Unparsable(ReferenceProgram program)
    {
        var def = program.DefLine();
        if (!def.Success)
            return program.Text + "\nprint((";
        var colon = def.Groups["colon"].Index;
        return program.Text[..colon] + program.Text[(colon + 1)..];
    }
}
