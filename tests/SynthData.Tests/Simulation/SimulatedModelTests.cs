using SynthData.Cli.Simulation.Model;
using SynthData.Problems;

namespace SynthData.Tests.Simulation;

public sealed class SimulatedModelTests
{
    private const int Context = 400;

    private static readonly SimulatedModel AlwaysRight = new(new SimulatedAnswerBook(SimulationProblems.All), 1.0, Context);
    private static readonly SimulatedModel AlwaysWrong = new(new SimulatedAnswerBook(SimulationProblems.All), 0.0, Context);

    [Fact]
    public void Same_problem_seed_and_choice_give_the_same_text()
    {
        var model = new SimulatedModel(new SimulatedAnswerBook(SimulationProblems.All), 0.5);
        var texts = new HashSet<string>();
        foreach (var problem in SimulationProblems.All)
        {
            for (var seed = 0; seed < 20; seed++)
            {
                var first = model.Complete(SimulationProblems.InTemplate(problem), seed, 1);
                var again = model.Complete(problem, seed, 1);
                Assert.Equal(first.ToText(), again.ToText());
                texts.Add(first.ToText());
            }
        }
        // Different seeds really do write different responses.
        Assert.True(texts.Count > SimulationProblems.All.Count * 5, $"only {texts.Count} distinct texts");
    }

    [Theory]
    [MemberData(nameof(MathCases))]
    public void Correct_math_reasons_from_the_solution_and_states_the_reference_answer(string name, string expected)
    {
        var problem = SimulationProblems.MathProblems.Single(p => p.Prompt.StartsWith(name, StringComparison.Ordinal));
        var completion = AlwaysRight.Complete(problem, seed: 3, choiceIndex: 0);
        var text = completion.ToText();

        Assert.True(completion.IsCorrect);
        // The ending may write any equal form (AnswerFormsTests): the verifier must accept both it and the whole text.
        Assert.True(AnswerText.Accepted(expected, text), text);
        Assert.True(AnswerText.Accepted(expected, completion.FinalAnswer!), completion.FinalAnswer);
        Assert.EndsWith($"{expected}.", completion.Reasoning, StringComparison.Ordinal);
        Assert.StartsWith("<think>\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<<", completion.Reasoning, StringComparison.Ordinal);
        Assert.DoesNotContain("####", completion.Reasoning, StringComparison.Ordinal);
        Assert.DoesNotContain("\\boxed", completion.Reasoning, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> MathCases() => new()
    {
        { "Janet", "18" },
        { "Josh", "70000" },
        { "What is", "\\frac{3}{4}" },
        { "A pen", "3.75" },
        { "Compute", "-5" },
    };

    [Fact]
    public void Gsm8k_calculator_annotations_are_cleaned_from_the_steps()
    {
        var completion = AlwaysRight.Complete(SimulationProblems.Gsm8k, 0, 0);
        Assert.Contains("Janet sells 16 - 3 - 4 = 9 duck eggs a day.", completion.Reasoning, StringComparison.Ordinal);
        Assert.Contains("She makes 9 * 2 = $18 every day", completion.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_math_never_commits_to_the_reference_answer_and_shows_every_kind_of_mistake()
    {
        var seen = new HashSet<SimulatedFlaw>();
        foreach (var problem in SimulationProblems.MathProblems)
        {
            var reference = AnswerText.Value(AnswerText.Reference(problem));
            for (var seed = 0; seed < 200; seed++)
            {
                var completion = AlwaysWrong.Complete(problem, seed, 0);
                var text = completion.ToText();
                seen.Add(completion.Flaw);
                Assert.False(completion.IsCorrect);
                Assert.Equal(completion.FinalAnswer, AnswerText.LastBoxedAfterThink(text));
                if (completion.FinalAnswer is { } final)
                    Assert.NotEqual(reference, AnswerText.Value(final), 9);
                if (completion.Flaw == SimulatedFlaw.CutOff)
                {
                    Assert.Null(completion.Answer);
                    Assert.True(SimpleTokenizer.Count(text) > Context, "a run-away response must overrun the context");
                }
                if (completion.Flaw == SimulatedFlaw.Hedging)
                    Assert.Contains(reference.ToString(System.Globalization.CultureInfo.InvariantCulture) is var r && problem == SimulationProblems.Gsm8k ? r : string.Empty, completion.Answer!, StringComparison.Ordinal);
            }
        }
        Assert.Equal(
            [SimulatedFlaw.ArithmeticSlip, SimulatedFlaw.WrongFinalAnswer, SimulatedFlaw.NoFinalAnswer, SimulatedFlaw.Hedging, SimulatedFlaw.CutOff],
            seen.Order());
    }

    [Theory]
    [InlineData("Janet")]
    [InlineData("Josh")]
    [InlineData("Compute")]
    public void An_arithmetic_slip_breaks_exactly_one_calculation_and_the_rest_follow_from_it(string name)
    {
        var problem = SimulationProblems.MathProblems.Single(p => p.Prompt.StartsWith(name, StringComparison.Ordinal));
        var slips = Enumerable.Range(0, 300)
            .Select(seed => AlwaysWrong.Complete(problem, seed, 0))
            .Where(c => c.Flaw == SimulatedFlaw.ArithmeticSlip)
            .ToList();
        Assert.NotEmpty(slips);
        foreach (var slip in slips)
        {
            var equations = AnswerText.Equations(slip.Reasoning).ToList();
            Assert.True(equations.Count >= 2, slip.Reasoning);
            Assert.Single(equations, e => !e.Holds);
            // The wrong value is carried into the final answer: the last calculation's result is what gets boxed.
            Assert.Equal(AnswerText.Value(slip.FinalAnswer!), equations[^1].Written);
        }
    }

    [Fact]
    public void Accuracy_is_the_share_of_correct_choices()
    {
        var model = new SimulatedModel(new SimulatedAnswerBook(SimulationProblems.All), 0.7);
        var problems = Enumerable.Range(0, 100).Select(i => SimulationProblems.Sum(i, 7)).ToList();
        var correct = problems.SelectMany(p => Enumerable.Range(0, 10).Select(i => model.Complete(p, 42, i))).Count(c => c.IsCorrect);

        // 1000 Bernoulli(0.7) draws: sd ≈ 14.5, so ±60 is beyond 4 sd.
        Assert.InRange(correct, 640, 760);
    }

    [Fact]
    public void Raising_the_accuracy_only_turns_wrong_choices_right()
    {
        var book = new SimulatedAnswerBook(SimulationProblems.All);
        var low = new SimulatedModel(book, 0.4);
        var high = new SimulatedModel(book, 0.8);
        for (var seed = 0; seed < 200; seed++)
        {
            var before = low.Complete(SimulationProblems.Gsm8k, seed, 0);
            var after = high.Complete(SimulationProblems.Gsm8k, seed, 0);
            if (before.IsCorrect)
                Assert.Equal(before.ToText(), after.ToText());
        }
    }

    [Fact]
    public void Correct_code_is_the_reference_program_and_passes_its_tests()
    {
        var humanEval = AlwaysRight.Complete(SimulationProblems.HumanEval, 0, 0);
        var program = AnswerText.LastPythonBlock(humanEval.ToText())!;
        Assert.Contains("def truncate_number(number: float) -> float:", program, StringComparison.Ordinal);
        Assert.True(PythonRunner.Passes(program, SimulationProblems.HumanEval.Tests + "\ncheck(truncate_number)"));

        var mbpp = AnswerText.LastPythonBlock(AlwaysRight.Complete(SimulationProblems.Mbpp, 0, 0).ToText())!;
        Assert.DoesNotContain("\r", mbpp, StringComparison.Ordinal);
        Assert.True(PythonRunner.Passes(mbpp, SimulationProblems.Mbpp.Tests!));
    }

    [Fact]
    public void Wrong_code_fails_its_tests_in_every_way()
    {
        var seen = new HashSet<SimulatedFlaw>();
        var ran = 0;
        foreach (var problem in new[] { SimulationProblems.Mbpp, SimulationProblems.HumanEval })
        {
            var tests = problem == SimulationProblems.HumanEval ? problem.Tests + "\ncheck(truncate_number)" : problem.Tests!;
            for (var seed = 0; seed < 60; seed++)
            {
                var completion = AlwaysWrong.Complete(problem, seed, 0);
                var program = AnswerText.LastPythonBlock(completion.ToText());
                Assert.Equal(completion.FinalAnswer, program);
                if (seen.Add(completion.Flaw) && program is not null)
                {
                    ran++;
                    Assert.False(PythonRunner.Passes(program, tests), $"{completion.Flaw} passed:\n{program}");
                }
                if (completion.Flaw is SimulatedFlaw.NoCodeBlock or SimulatedFlaw.CutOff)
                    Assert.Null(program);
            }
            seen.Clear();
        }
        Assert.True(ran >= 5, $"only {ran} wrong programs were run");
    }

    [Fact]
    public void Off_by_one_mutates_the_body_not_the_docstring()
    {
        var completion = Enumerable.Range(0, 100).Select(s => AlwaysWrong.Complete(SimulationProblems.Mbpp, s, 0)).First(c => c.Flaw == SimulatedFlaw.OffByOne);
        Assert.NotEqual(AlwaysRight.Complete(SimulationProblems.Mbpp, 0, 0).FinalAnswer, completion.FinalAnswer);
        Assert.StartsWith("def sum_to(n):", completion.FinalAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_prompts_get_an_honest_guess()
    {
        var model = new SimulatedModel(new SimulatedAnswerBook(SimulationProblems.All), 1.0);

        var math = model.Complete("A farmer has 12 cows and 30 sheep. How many legs are there?", 0, 0);
        Assert.Equal(SimulatedFlaw.UnknownProblem, math.Flaw);
        Assert.Null(math.Problem);
        Assert.Contains("guess", math.Answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(math.FinalAnswer, AnswerText.LastBoxedAfterThink(math.ToText()));
        Assert.Equal(math.ToText(), model.Complete("A farmer has 12 cows and 30 sheep. How many legs are there?", 0, 0).ToText());

        var code = model.Complete("Write a Python function def mystery(x): that does something.", 0, 0);
        Assert.Contains("def mystery(*args):", AnswerText.LastPythonBlock(code.ToText()), StringComparison.Ordinal);

        Assert.Equal(SimulatedFlaw.UnknownProblem, model.Complete(string.Empty, 0, 0).Flaw);
    }

    [Fact]
    public void A_math_problem_without_a_reference_answer_is_answered_as_unknown()
    {
        var bare = new Problem
        {
            Id = "bare",
            Domain = ProblemDomain.Math,
            Prompt = "Prove that there are infinitely many primes.",
            Source = ProblemOrigin.Dataset("t", 1),
        };
        var model = new SimulatedModel(new SimulatedAnswerBook([bare]), 1.0);
        var completion = model.Complete("Please: Prove that there are infinitely many primes.", 0, 0);
        Assert.Same(bare, completion.Problem);
        Assert.Equal(SimulatedFlaw.UnknownProblem, completion.Flaw);
    }
}
