using SynthData.Cli.Simulation.Model;
using SynthData.Problems;

namespace SynthData.Tests.Simulation;

public sealed class SimulatedAnswerBookTests
{
    [Fact]
    public void Finds_each_prompt_inside_a_template_with_reflowed_whitespace()
    {
        var book = new SimulatedAnswerBook(SimulationProblems.All);

        foreach (var problem in SimulationProblems.All)
            Assert.Same(problem, book.Find(SimulationProblems.InTemplate(problem)));
    }

    [Fact]
    public void Unknown_text_is_not_found()
    {
        var book = new SimulatedAnswerBook(SimulationProblems.All);

        Assert.Null(book.Find("What is the capital of France?"));
        Assert.Null(book.Find(string.Empty));
        // A prompt cut short is not the problem.
        Assert.Null(book.Find(SimulationProblems.Gsm8k.Prompt[..^10]));
        Assert.Null(SimulatedAnswerBook.Empty.Find(SimulationProblems.Gsm8k.Prompt));
    }

    [Fact]
    public void The_longest_matching_prompt_wins()
    {
        var shortOne = Problem("Add 2 and 3.", "5");
        var longOne = Problem("Add 2 and 3. Then multiply the result by 4.", "20");
        var book = new SimulatedAnswerBook([shortOne, longOne]);

        Assert.Same(longOne, book.Find("Question: Add 2 and 3. Then multiply the result by 4. Answer:"));
        Assert.Same(shortOne, book.Find("Question: Add 2 and 3. Answer:"));
    }

    [Fact]
    public void Duplicate_prompts_keep_the_first_problem()
    {
        var first = Problem("How many legs does a spider have?", "8");
        var second = Problem("How  many legs does a spider   have?", "6");
        var book = new SimulatedAnswerBook([first, second]);

        Assert.Equal(1, book.Count);
        Assert.Same(first, book.Find("Q: How many legs does a spider have?"));
    }

    /// <summary>Correctness at scale; the speed of building and lookup is a benchmark's business, not a timed test's.</summary>
    [Fact]
    public void Lookup_finds_each_problem_among_100k_inside_its_template()
    {
        var problems = Enumerable.Range(0, 100_000).Select(i => SimulationProblems.Sum(i, i % 97)).ToList();
        var book = new SimulatedAnswerBook(problems);
        Assert.Equal(100_000, book.Count);
        for (var i = 0; i < 100_000; i += 100)
            Assert.Same(problems[i], book.Find(SimulationProblems.InTemplate(problems[i])));
    }

    private static Problem Problem(string prompt, string answer) => new()
    {
        Id = ProblemId.Compute(ProblemDomain.Math, prompt, answer, null),
        Domain = ProblemDomain.Math,
        Prompt = prompt,
        Answer = answer,
        Source = ProblemOrigin.Dataset("t", 1),
    };
}
