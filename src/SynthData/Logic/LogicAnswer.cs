using System.Text.RegularExpressions;
using SynthData.Export;

namespace SynthData.Logic;

/// <summary>
/// Finds the answer part of a model response for logic puzzles: the last fenced block after any thinking; with no
/// fenced block, the text after the last "answer:" line, else nothing. Lenient on form (the checkers parse leniently),
/// never on content.
/// </summary>
public static partial class LogicAnswer
{
    /// <summary>The answer text, or null when the response has none.</summary>
    public static string? Extract(string response)
    {
        var (_, answer) = ThinkSplitter.Split(response ?? "", null);
        var blocks = FencedBlock().Matches(answer);
        if (blocks.Count > 0)
            return blocks[^1].Groups["body"].Value.Trim();
        var anchors = AnswerAnchor().Matches(answer);
        if (anchors.Count > 0)
        {
            var tail = answer[(anchors[^1].Index + anchors[^1].Length)..].Trim();
            return tail.Length > 0 ? tail : null;
        }
        return null;
    }

    /// <summary>The non-empty lines of <paramref name="text"/>, trimmed.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The tokens of a line split on whitespace, commas, semicolons and pipes.</summary>
    public static string[] Tokens(string line) =>
        line.Split([' ', '\t', ',', ';', '|'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The reference format for a fenced answer block.</summary>
    public static string Fenced(string body) => "```\n" + body.TrimEnd() + "\n```";

    [GeneratedRegex(@"^[ \t]*```[^\n]*\n(?<body>.*?)^[ \t]*```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"(?im)^[ \t*#]*(final\s+)?answer\s*[:：]\**")]
    private static partial Regex AnswerAnchor();
}
