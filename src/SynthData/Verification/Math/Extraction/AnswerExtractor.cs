using System.Text.RegularExpressions;

namespace SynthData.Verification.Math.Extraction;

/// <summary>
/// Finds the final answer in a model response (or a reference answer). Rules, first that applies wins:
/// only the text after the last <c>&lt;/think&gt;</c> counts, and only up to where the model starts a new turn
/// (<see cref="ResponseEnd"/>); the last <c>\boxed{}</c>/<c>\fbox{}</c> (side-by-side boxes are kept together),
/// unless an anchored statement comes after it; an anchored statement ("final answer is", "the answer is",
/// "Answer:", "####", a GSM8K-style "A:" line); a response that is one math environment or ends in display math;
/// a concluding last sentence ("Therefore, the total is $18$ dollars.", see <see cref="StatementValue"/>); a one-line
/// response around one math environment; a short one-line response taken whole; optionally the last number.
/// An empty or unbalanced last box means no answer: we never salvage a broken commitment.
/// </summary>
internal sealed partial class AnswerExtractor(bool lastNumberFallback)
{
    /// <summary>Longest one-line response still taken whole as a bare answer.</summary>
    private const int MaxBareAnswerLength = 160;

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

        region = ResponseEnd.Cut(region);
        var boxes = BoxScanner.FindAll(region);
        var anchored = FromAnchor(region);
        // A later "the final answer is" restates (or corrects) an earlier box: the later statement wins.
        // Only a statement that states math counts: "we can check that our answer is correct" restates nothing.
        if (boxes.Count > 0 && !(anchored is { } late && late.Index >= boxes[^1].End && Sentences.Items(late.Text).Count > 0))
            return FromBoxes(region, boxes, prefix);
        if (anchored is { } a)
            return Found(a.Text, prefix + a.Rule + (boxes.Count > 0 ? " (after the last \\boxed{})" : ""));
        if (FromMathEnvironment(region) is { } math)
            return Found(math.Text, prefix + math.Rule);
        if (StatementValue.OfConclusion(Sentences.Last(Sentences.MaskCurrency(HopeTail().Replace(Tail(region), "")))) is { } concluded)
            return Found(concluded, prefix + "value of the concluding sentence");

        var trimmed = region.Trim();
        if (trimmed.Length == 0)
            return ExtractionResult.None("no answer: empty response" + (prefix.Length > 0 ? " after </think>" : ""));
        if (!isReference && OneMathEnvironment(trimmed) is { } only)
            return Found(only, prefix + "the one math environment of a one-line response");
        if (isReference || (trimmed.Length <= MaxBareAnswerLength && !trimmed.Contains('\n')))
            return Found(trimmed, prefix + "whole text as the answer");
        if (lastNumberFallback && LastNumber().Matches(region) is { Count: > 0 } numbers)
            return Found(numbers[^1].Value, prefix + "last number (fallback)");
        return ExtractionResult.None("no answer: no \\boxed{}, no answer statement, no final math");
    }

    private static ExtractionResult Found(string text, string rule) =>
        ExtractionResult.Found(ExtractedAnswer.Single(CleanTail(text), rule));

    /// <summary>"The identity matrix is $I$." : one line of prose around exactly one math environment.</summary>
    private static string? OneMathEnvironment(string text)
    {
        if (text.Length > MaxBareAnswerLength * 2 || text.Contains('\n'))
            return null;
        var environments = Sentences.MathEnvironments(text);
        if (environments.Count != 1)
            return null;
        var outside = text.Remove(environments[0].Index, environments[0].Length);
        return outside.Any(char.IsAsciiDigit) || !Prose().IsMatch(outside) ? null : Sentences.FirstGroup(environments[0]);
    }

    /// <summary>The end of a response, where a concluding sentence would be; bounded so long responses cost nothing.</summary>
    /// A cut is made at a line start, so math delimiters keep their pairing.
    private static string Tail(string region)
    {
        if (region.Length <= 20_000)
            return region;
        var cut = region.IndexOf('\n', region.Length - 20_000);
        return cut < 0 ? region[^20_000..] : region[(cut + 1)..];
    }

    private static ExtractionResult FromBoxes(string region, List<Box> boxes, string prefix)
    {
        var last = boxes[^1];
        if (!last.Balanced)
            return ExtractionResult.None("no answer: unbalanced \\boxed{");
        if (string.IsNullOrWhiteSpace(last.Content))
            return ExtractionResult.None("no answer: empty \\boxed{}");

        var parts = new List<string> { Unbox(last.Content) };
        var join = PartJoin.None;
        var first = boxes.Count - 1;
        for (var i = boxes.Count - 2; i >= 0; i--)
        {
            var between = region[boxes[i].End..boxes[i + 1].Start];
            if (between.Length > MaxJoinerLength || Joiners.Classify(between) is not { } kind || string.IsNullOrWhiteSpace(boxes[i].Content))
                break;
            if (join != PartJoin.Alternatives)
                join = kind;
            parts.Insert(0, Unbox(boxes[i].Content));
            first = i;
        }
        if (parts.Count > 1)
        {
            // "y_1 = \boxed{..} and y_2 = \boxed{..}": each part keeps the name it was given.
            for (var i = 0; i < parts.Count; i++)
            {
                var box = boxes[first + i];
                var before = region[System.Math.Max(0, box.Start - 24)..box.Start];
                if (PartLabel().Match(before) is { Success: true } label)
                    parts[i] = label.Groups[1].Value + " = " + parts[i];
            }
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

    private static (string Text, string Rule, int Index)? FromAnchor(string region)
    {
        var matches = Anchor().Matches(region);
        for (var m = matches.Count - 1; m >= 0; m--)
        {
            var match = matches[m];
            // "A: 18" is GSM8K's answer line, unless the response lists options A:, B:, ... .
            if (match.Groups["qa"].Success && OptionLines().IsMatch(region))
                continue;
            var rest = region[(match.Index + match.Length)..];
            // Display math may span lines ("Answer \\[ \n 9 \n \\]"); inline math may not.
            if (LeadingDisplayMath().Match(rest) is { Success: true } display)
                return (Sentences.FirstGroup(display), $"anchor \"{match.Value.Trim().TrimEnd(':', '*').Trim()}\"", match.Index);
            var line = FirstNonEmptyLine(rest);
            if (line is null)
                continue;
            var text = StatementValue.OfAnchored(HopeTail().Replace(line, ""));
            if (text.Length > 0)
                return (text, $"anchor \"{match.Value.Trim().TrimEnd(':', '*').Trim()}\"", match.Index);
        }
        return null;
    }

    private static (string Text, string Rule)? FromMathEnvironment(string region)
    {
        var trimmed = region.Trim().TrimEnd('.', ' ');
        if (WholeMath().Match(trimmed) is { Success: true } whole)
            return (Sentences.FirstGroup(whole), "whole text is one math environment");
        // Display math must end the response; only its tail is searched, so a long response costs nothing here.
        var tail = trimmed.Length > 4000 ? trimmed[^4000..] : trimmed;
        if (TrailingDisplayMath().Match(tail) is { Success: true } display)
            return (Sentences.FirstGroup(display), "final display math");
        return null;
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

    /// <summary>Removes what trails an answer statement: "I hope it is correct", a closing period or markdown.</summary>
    private static string CleanTail(string text)
    {
        var t = HopeTail().Replace(text, "").Trim();
        t = t.Trim('*').Trim();
        while (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal))
            t = t[..^1].TrimEnd();
        return t;
    }

    [GeneratedRegex(@"(?:final\s+answer(?:\s+is|\s*:|\*\*|[ \t]*$)|the\s+answer\s+is|\banswer\s*(?:is|:)|\banswer\*\*\s*:?|####|^[ \t>*#]*answer(?:\*\*)?(?=[ \t]*(?:\$|\\[(\[]))|(?<qa>^[ \t>*]*A[ \t]*:(?!\S)))\s*:?", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"^\s*(?:\$\$((?:(?!\$\$).)+)\$\$|\\\[((?:(?!\\\]).)+)\\\])", RegexOptions.Singleline)]
    private static partial Regex LeadingDisplayMath();

    [GeneratedRegex(@"^[ \t>*]*[B-E][ \t]*[:)]", RegexOptions.Multiline)]
    private static partial Regex OptionLines();

    [GeneratedRegex(@"([A-Za-z](?:_\{?\w+\}?)?)\s*=\s*(?:\$|\\\(|\\\[)?\s*$")]
    private static partial Regex PartLabel();

    [GeneratedRegex(@"[A-Za-z]{3}")]
    private static partial Regex Prose();

    [GeneratedRegex(@"^(?:\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\\((.+?)\\\)|\$([^$\n]+)\$)$", RegexOptions.Singleline)]
    private static partial Regex WholeMath();

    [GeneratedRegex(@"(?:\$\$((?:(?!\$\$).)+)\$\$|\\\[((?:(?!\\\]).)+)\\\])$", RegexOptions.Singleline)]
    private static partial Regex TrailingDisplayMath();

    [GeneratedRegex(@"\s*\.?\s*I hope it is correct\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HopeTail();

    [GeneratedRegex(@"-?\d[\d,]*(?:\.\d+)?(?:/\d+)?")]
    private static partial Regex LastNumber();
}
