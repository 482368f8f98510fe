using System.Text.RegularExpressions;

namespace SynthData.Verification.Math.Extraction;

/// <summary>
/// Where a response really ends. Base and few-shot models run on past their answer: a chat-template token
/// (<c>&lt;|im_start|&gt;user</c>) or a new "Q:"/"Question:"/"Problem:" turn starts text that answers another problem,
/// whose answer would otherwise be taken as this one's (the last answer wins).
/// </summary>
internal static partial class ResponseEnd
{
    public static string Cut(string region)
    {
        if (SpecialToken().Match(region) is { Success: true } token)
            region = region[..token.Index];
        foreach (Match turn in NewTurn().Matches(region))
        {
            // A turn that opens the response is the model restating the problem; one after an answer is a new problem.
            if (AnswerMark().IsMatch(region.AsSpan(0, turn.Index)))
                return region[..turn.Index];
        }
        return region;
    }

    [GeneratedRegex(@"<\|(?:im_start|im_end|endoftext|eot_id|end|user|assistant|start_header_id)\|>|</s>")]
    private static partial Regex SpecialToken();

    [GeneratedRegex(@"^[ \t]*(?:Q|Question|Problem|Human|User)[ \t]*:", RegexOptions.Multiline)]
    private static partial Regex NewTurn();

    [GeneratedRegex(@"\\boxed|\\fbox|answer|####|^[ \t]*A[ \t]*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex AnswerMark();
}
