using System.Text.RegularExpressions;

namespace SynthData.Verification.Math.Extraction;

/// <summary>
/// Finds the final answer in a model response (or a reference answer). Rules, first that applies wins:
/// only the text after the last <c>&lt;/think&gt;</c> counts; the last <c>\boxed{}</c>/<c>\fbox{}</c> (side-by-side
/// boxes are kept together); an anchored statement ("final answer is", "the answer is", "Answer:", "####");
/// a response that is one math environment, ends in display math or ends with a concluding sentence
/// ("Therefore, $x = 5$."); a short one-line response taken whole;
/// optionally the last number. An empty or unbalanced last box means no answer: we never salvage a broken commitment.
/// </summary>
internal sealed partial class AnswerExtractor(bool lastNumberFallback)
{
    /// <summary>Longest one-line response still taken whole as a bare answer.</summary>
    private const int MaxBareAnswerLength = 160;

    private static readonly HashSet<string> HedgeWords =
        ["or", "maybe", "possibly", "perhaps", "alternatively", "either", "else", "it", "could", "might", "be"];

    /// <summary>Longest text between two boxes for them to count as offered side by side.</summary>
    private const int MaxJoinerLength = 40;

    public ExtractionResult Extract(string response, bool isReference = false)
    {
        var region = response;
        var prefix = "";
        var thinkEnd = response.LastIndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        if (thinkEnd >= 0)
        {
            region = response[(thinkEnd + "</think>".Length)..];
            prefix = "after </think>: ";
        }
        else if (response.Contains("<think>", StringComparison.OrdinalIgnoreCase))
        {
            return ExtractionResult.None("no answer: <think> section never closed");
        }

        var boxed = FromBoxes(region, prefix);
        if (boxed is not null)
            return boxed;
        if (FromAnchor(region) is { } anchored)
            return Found(anchored.Text, prefix + anchored.Rule);
        if (FromMathEnvironment(region) is { } math)
            return Found(math.Text, prefix + math.Rule);

        var trimmed = region.Trim();
        if (trimmed.Length == 0)
            return ExtractionResult.None("no answer: empty response" + (prefix.Length > 0 ? " after </think>" : ""));
        if (isReference || (trimmed.Length <= MaxBareAnswerLength && !trimmed.Contains('\n')))
            return Found(trimmed, prefix + "whole text as the answer");
        if (lastNumberFallback && LastNumber().Matches(region) is { Count: > 0 } numbers)
            return Found(numbers[^1].Value, prefix + "last number (fallback)");
        return ExtractionResult.None("no answer: no \\boxed{}, no answer statement, no final math");
    }

    private static ExtractionResult Found(string text, string rule) =>
        ExtractionResult.Found(ExtractedAnswer.Single(CleanTail(text), rule));

    private static ExtractionResult? FromBoxes(string region, string prefix)
    {
        var boxes = BoxScanner.FindAll(region);
        if (boxes.Count == 0)
            return null;
        var last = boxes[^1];
        if (!last.Balanced)
            return ExtractionResult.None("no answer: unbalanced \\boxed{");
        if (string.IsNullOrWhiteSpace(last.Content))
            return ExtractionResult.None("no answer: empty \\boxed{}");

        var parts = new List<string> { Unbox(last.Content) };
        var join = PartJoin.None;
        for (var i = boxes.Count - 2; i >= 0; i--)
        {
            var between = region[boxes[i].End..boxes[i + 1].Start];
            if (between.Length > MaxJoinerLength || Joiner(between) is not { } kind || string.IsNullOrWhiteSpace(boxes[i].Content))
                break;
            if (join != PartJoin.Alternatives)
                join = kind;
            parts.Insert(0, Unbox(boxes[i].Content));
        }
        var rule = parts.Count == 1
            ? boxes.Count == 1 ? "\\boxed{}" : $"last of {boxes.Count} \\boxed{{}}"
            : $"{parts.Count} \\boxed{{}} side by side";
        return ExtractionResult.Found(new ExtractedAnswer(parts, join, prefix + rule));
    }

    /// <summary><c>\boxed{\boxed{5}}</c> holds 5.</summary>
    private static string Unbox(string content)
    {
        var text = content.Trim();
        for (var round = 0; round < 8; round++)
        {
            var inner = BoxScanner.FindAll(text);
            if (inner is not [{ Balanced: true, Start: 0 } only] || only.End != text.Length)
                break;
            text = only.Content.Trim();
        }
        return text;
    }

    /// <summary>What the text between two boxes says about them, or null when it is prose (not a joiner).</summary>
    private static PartJoin? Joiner(string between)
    {
        var words = JoinerNoise().Replace(between, " ").Trim().ToLowerInvariant();
        if (words is "" or "and")
            return PartJoin.Together;
        // "\boxed{5}, or possibly \boxed{4}": two answers offered at once is hedging, however it is phrased.
        var split = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return split.All(HedgeWords.Contains) && split.Any(w => w is not ("it" or "could" or "might" or "be"))
            ? PartJoin.Alternatives
            : null;
    }

    private static (string Text, string Rule)? FromAnchor(string region)
    {
        var matches = Anchor().Matches(region);
        for (var m = matches.Count - 1; m >= 0; m--)
        {
            var match = matches[m];
            var rest = region[(match.Index + match.Length)..];
            var line = FirstNonEmptyLine(rest);
            if (line is null)
                continue;
            var text = MathInLine(line) ?? FirstSentence(line);
            if (text.Length > 0)
                return (text, $"anchor \"{match.Value.Trim().TrimEnd(':', '*').Trim()}\"");
        }
        return null;
    }

    private static (string Text, string Rule)? FromMathEnvironment(string region)
    {
        var trimmed = region.Trim().TrimEnd('.', ' ');
        if (WholeMath().Match(trimmed) is { Success: true } whole)
            return (FirstGroup(whole), "whole text is one math environment");
        // Display math must end the response; only its tail is searched, so a long response costs nothing here.
        var tail = trimmed.Length > 4000 ? trimmed[^4000..] : trimmed;
        if (TrailingDisplayMath().Match(tail) is { Success: true } display)
            return (FirstGroup(display), "final display math");
        var lastLine = tail[(tail.LastIndexOf('\n') + 1)..];
        if (ConcludingInlineMath().Match(lastLine) is { Success: true } concluding)
            return (concluding.Groups[1].Value.Trim(), "math ending a concluding sentence");
        return null;
    }

    private static string FirstGroup(Match match)
    {
        for (var g = 1; g < match.Groups.Count; g++)
        {
            if (match.Groups[g].Success)
                return match.Groups[g].Value.Trim();
        }
        return match.Value;
    }

    private static string? FirstNonEmptyLine(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().Trim('*').Trim();
            if (line.Length > 0)
                return line;
        }
        return null;
    }

    /// <summary>The math of an anchored line: its math environments, joined when only "and"/commas separate them.</summary>
    private static string? MathInLine(string line)
    {
        var matches = InlineMath().Matches(line);
        if (matches.Count == 0)
            return null;
        var parts = new List<string> { FirstGroup(matches[0]) };
        for (var i = 1; i < matches.Count; i++)
        {
            var between = line[(matches[i - 1].Index + matches[i - 1].Length)..matches[i].Index];
            if (Joiner(between) is not { } kind)
                break;
            parts.Add((kind == PartJoin.Alternatives ? "\\text{ or } " : "") + FirstGroup(matches[i]));
        }
        return string.Join(", ", parts).Replace(", \\text{ or } ", " \\text{ or } ", StringComparison.Ordinal);
    }

    private static string FirstSentence(string line)
    {
        var end = SentenceEnd().Match(line);
        return end.Success ? line[..end.Index] : line;
    }

    /// <summary>Removes what trails an answer statement: "I hope it is correct", a closing period or markdown.</summary>
    private static string CleanTail(string text)
    {
        var t = HopeTail().Replace(text, "").Trim();
        t = t.Trim('*').Trim();
        while (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal))
            t = t[..^1].TrimEnd();
        return t;
    }

    [GeneratedRegex(@"(?:final\s+answer(?:\s+is|\s*:|\*\*|[ \t]*$)|the\s+answer\s+is|\banswer\s*(?:is|:)|\banswer\*\*\s*:?|####)\s*:?", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\\((.+?)\\\)|\$([^$]+?)\$", RegexOptions.Singleline)]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"^(?:\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\\((.+?)\\\)|\$([^$\n]+)\$)$", RegexOptions.Singleline)]
    private static partial Regex WholeMath();

    [GeneratedRegex(@"(?:\$\$((?:(?!\$\$).)+)\$\$|\\\[((?:(?!\\\]).)+)\\\])$", RegexOptions.Singleline)]
    private static partial Regex TrailingDisplayMath();

    [GeneratedRegex(@"^\W*(?:therefore|thus|hence|so|the\s+(?:result|total|value|number|solution|sum|product)\b)[^$]*\$([^$]+)\$\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ConcludingInlineMath();

    [GeneratedRegex(@"\.(?:\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s*\.?\s*I hope it is correct\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HopeTail();

    [GeneratedRegex(@"[\s$,;.]|\\[()\[\]]|\\quad|\\qquad|\\text\{|\\mbox\{|\}|\\,|either")]
    private static partial Regex JoinerNoise();

    [GeneratedRegex(@"-?\d[\d,]*(?:\.\d+)?(?:/\d+)?")]
    private static partial Regex LastNumber();
}
