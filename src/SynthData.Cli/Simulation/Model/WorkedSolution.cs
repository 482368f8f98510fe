using System.Text.RegularExpressions;
using SynthData.Problems;
using SynthData.Verification.Math.Extraction;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// A math problem's worked solution turned into chain-of-thought steps: GSM8K <c>&lt;&lt;...&gt;&gt;</c> calculator
/// annotations and the <c>#### N</c> line removed, Asymptote figures dropped, boxes opened, one step per line.
/// </summary>
internal sealed partial class WorkedSolution
{
    private WorkedSolution(IReadOnlyList<string> steps, string answer)
    {
        Steps = steps;
        Answer = answer;
    }

    public IReadOnlyList<string> Steps { get; }

    /// <summary>The reference answer without <c>\boxed{}</c> or surrounding <c>$</c>.</summary>
    public string Answer { get; }

    /// <summary><c>null</c> when the problem has no reference answer to be right about.</summary>
    public static WorkedSolution? From(Problem problem)
    {
        var solution = problem.Solution ?? string.Empty;
        var answer = CleanAnswer(problem.Answer)
            ?? CleanAnswer(GsmFinal().Match(solution) is { Success: true } m ? m.Groups[1].Value : null)
            ?? CleanAnswer(BoxScanner.LastContent(solution));
        if (answer is null)
            return null;

        var text = Asymptote().Replace(CalculatorAnnotation().Replace(solution, string.Empty), string.Empty);
        var steps = LatexBoxes.Unbox(text)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith("####", StringComparison.Ordinal))
            .ToList();
        return new WorkedSolution(steps, answer);
    }

    /// <summary>Steps whose numbers do not include the answer (safe to show without giving it away).</summary>
    public IReadOnlyList<string> StepsBeforeAnswer()
    {
        var answerToken = NumberToken(Answer);
        return Steps.TakeWhile(s => !answerToken.IsMatch(s) && !s.Contains(Answer, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Matches <paramref name="number"/> as a whole number, not as part of a longer one.</summary>
    public static Regex NumberToken(string number) => new($@"(?<![\d.]){Regex.Escape(number)}(?![\d]|\.\d)");

    private static string? CleanAnswer(string? answer)
    {
        if (answer is null)
            return null;
        var boxed = BoxScanner.LastContent(answer) ?? answer;
        var trimmed = boxed.Trim().Trim('$').Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    [GeneratedRegex(@"<<[^<>]*>>")]
    private static partial Regex CalculatorAnnotation();

    [GeneratedRegex(@"^####\s*(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex GsmFinal();

    [GeneratedRegex(@"\[asy\].*?\[/asy\]", RegexOptions.Singleline)]
    private static partial Regex Asymptote();
}
