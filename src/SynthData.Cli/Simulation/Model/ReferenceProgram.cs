using System.Text.RegularExpressions;
using SynthData.Problems;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// A code problem's reference program as a model would write it out in full. HumanEval stores only the function body
/// after the prompt's signature and docstring, so the prompt is put back in front when the solution lacks the
/// <c>def</c> of the entry point. <see cref="BodyStart"/> marks where the problem's own text ends, so mutations
/// change logic and never the docstring's examples.
/// </summary>
internal sealed partial class ReferenceProgram
{
    private ReferenceProgram(string text, int bodyStart, string? entryPoint)
    {
        Text = text;
        BodyStart = bodyStart;
        EntryPoint = entryPoint;
    }

    public string Text { get; }

    public int BodyStart { get; }

    public string? EntryPoint { get; }

    public static ReferenceProgram? From(Problem problem)
    {
        if (string.IsNullOrWhiteSpace(problem.Solution))
            return null;
        var solution = problem.Solution.Replace("\r\n", "\n", StringComparison.Ordinal);
        var prompt = problem.Prompt.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (problem.EntryPoint is { } entry && !DefinesFunction(solution, entry) && DefinesFunction(prompt, entry))
            return new ReferenceProgram((prompt + solution).TrimEnd(), prompt.Length, entry);

        var lastDocstring = Math.Max(solution.LastIndexOf("\"\"\"", StringComparison.Ordinal), solution.LastIndexOf("'''", StringComparison.Ordinal));
        return new ReferenceProgram(solution.TrimEnd(), lastDocstring < 0 ? 0 : lastDocstring + 3, problem.EntryPoint);
    }

    /// <summary>The <c>def</c> line of the entry point (or of the first function), if any.</summary>
    public Match DefLine()
    {
        if (EntryPoint is not null && DefLinePattern().Matches(Text).FirstOrDefault(m => m.Groups["name"].Value == EntryPoint) is { } entry)
            return entry;
        return DefLinePattern().Match(Text);
    }

    /// <summary>A one-line summary of the task for the reasoning: the docstring's first line, else the prompt's.</summary>
    public static string Summary(string prompt)
    {
        var doc = Docstring().Match(prompt);
        var source = doc.Success ? doc.Groups["doc"].Value : prompt;
        var line = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("def ", StringComparison.Ordinal)
            && !l.StartsWith("from ", StringComparison.Ordinal) && !l.StartsWith("import ", StringComparison.Ordinal)) ?? "solve the task";
        return line.Length > 160 ? line[..160] + "..." : line;
    }

    private static bool DefinesFunction(string code, string name) =>
        Regex.IsMatch(code, $@"^\s*def\s+{Regex.Escape(name)}\s*\(", RegexOptions.Multiline);

    [GeneratedRegex(@"^(?<indent>[ \t]*)def\s+(?<name>\w+)\s*\([^\n]*?(?<colon>:)[ \t]*(#[^\n]*)?$", RegexOptions.Multiline)]
    private static partial Regex DefLinePattern();

    [GeneratedRegex("(\"\"\"|''')(?<doc>.*?)(\"\"\"|''')", RegexOptions.Singleline)]
    private static partial Regex Docstring();
}
