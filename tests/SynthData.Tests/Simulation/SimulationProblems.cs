using SynthData.Problems;

namespace SynthData.Tests.Simulation;

/// <summary>Problems in the shapes the simulator meets: GSM8K, MATH, generator output, HumanEval, MBPP.</summary>
internal static class SimulationProblems
{
    public static Problem Gsm8k { get; } = Math(
        "Janet\u2019s ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?",
        answer: null,
        solution: "Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\nShe makes 9 * 2 = $<<9*2=18>>18 every day at the farmer\u2019s market.\n#### 18");

    public static Problem Gsm8kLong { get; } = Math(
        "Josh decides to try flipping a house.  He buys a house for $80,000 and then puts in $50,000 in repairs.  This increased the value of the house by 150%.  How much profit did he make?",
        answer: "70000",
        solution: "The cost of the house and repairs came out to 80,000+50,000=$<<80000+50000=130000>>130,000\nHe increased the value of the house by 80,000*1.5=<<80000*1.5=120000>>120,000\nSo the new value of the house is 120,000+80,000=$<<120000+80000=200000>>200,000\nSo he made a profit of 200,000-130,000=$<<200000-130000=70000>>70,000\n#### 70000");

    public static Problem MathFraction { get; } = Math(
        "What is $\\frac{1}{2} + \\frac{1}{4}$?",
        answer: "\\boxed{\\frac{3}{4}}",
        solution: "We have $\\frac{1}{2} = \\frac{2}{4}$, so the sum is $\\frac{2}{4} + \\frac{1}{4} = \\boxed{\\frac{3}{4}}$.");

    public static Problem Decimal { get; } = Math(
        "A pen costs 1.25 dollars. How much do 3 pens cost, in dollars?",
        answer: "3.75",
        solution: "Each pen costs 1.25.\nThree pens cost 3 * 1.25 = 3.75.");

    public static Problem Negative { get; } = Math(
        "Compute 7 - 4 * 3.",
        answer: "-5",
        solution: "First multiply: 4 * 3 = 12.\nThen subtract: 7 - 12 = -5.");

    public static Problem HumanEval { get; } = new()
    {
        Id = ProblemId.Compute(ProblemDomain.Code, "truncate_number", null, "check"),
        Domain = ProblemDomain.Code,
        Prompt = "\n\ndef truncate_number(number: float) -> float:\n    \"\"\" Given a positive floating point number, it can be decomposed into\n    and integer part (largest integer smaller than given number) and decimals\n    (leftover part always smaller than 1).\n\n    Return the decimal part of the number.\n    >>> truncate_number(3.5)\n    0.5\n    \"\"\"\n",
        EntryPoint = "truncate_number",
        Solution = "    return number % 1.0\n",
        Tests = "def check(candidate):\n    assert candidate(3.5) == 0.5\n",
        Source = ProblemOrigin.Dataset("humaneval", 3),
    };

    public static Problem Mbpp { get; } = new()
    {
        Id = ProblemId.Compute(ProblemDomain.Code, "count_up", null, "assert"),
        Domain = ProblemDomain.Code,
        Prompt = "Write a function to sum the integers from 1 to n inclusive.",
        EntryPoint = "sum_to",
        Solution = "def sum_to(n):\r\n    total = 0\r\n    for i in range(1, n + 1):\r\n        total += i\r\n    return total",
        Tests = "assert sum_to(3) == 6",
        Source = ProblemOrigin.Dataset("mbpp", 2),
    };

    public static IReadOnlyList<Problem> MathProblems { get; } = [Gsm8k, Gsm8kLong, MathFraction, Decimal, Negative];

    public static IReadOnlyList<Problem> All { get; } = [.. MathProblems, HumanEval, Mbpp];

    /// <summary>A generated-looking integer problem; many distinct ones for statistics and index tests.</summary>
    public static Problem Sum(int a, int b) => Math(
        $"Problem {a}-{b}: Tom has {a} apples and buys {b} more. How many apples does he have now?",
        answer: (a + b).ToString(System.Globalization.CultureInfo.InvariantCulture),
        solution: $"Tom starts with {a} apples.\nAfter buying {b} more he has {a} + {b} = {a + b} apples.");

    /// <summary>How a client would send the prompt: wrapped in a template, whitespace re-flowed.</summary>
    public static string InTemplate(Problem problem) =>
        "Solve the following problem. Think step by step and put the final answer in \\boxed{}.\n\n"
        + problem.Prompt.Replace(" ", "  \n ", StringComparison.Ordinal)
        + "\n\nRemember to show your work.";

    private static Problem Math(string prompt, string? answer, string solution) => new()
    {
        Id = ProblemId.Compute(ProblemDomain.Math, prompt, answer ?? solution, null),
        Domain = ProblemDomain.Math,
        Prompt = prompt,
        Answer = answer,
        Solution = solution,
        Source = ProblemOrigin.Dataset("fixture", 1),
    };
}
