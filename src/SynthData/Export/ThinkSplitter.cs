namespace SynthData.Export;

/// <summary>
/// Separates a response into reasoning and final answer. Reasoning comes from the server's separate channel when it
/// sent one, otherwise from a leading <c>&lt;think&gt;…&lt;/think&gt;</c> section of the content.
/// </summary>
public static class ThinkSplitter
{
    private const string Open = "<think>";
    private const string Close = "</think>";

    public static (string? Reasoning, string Answer) Split(string content, string? reasoningContent)
    {
        if (!string.IsNullOrEmpty(reasoningContent))
            return (reasoningContent.Trim(), StripThink(content).Trim());
        var close = content.LastIndexOf(Close, StringComparison.Ordinal);
        if (close < 0)
            return (null, content.Trim());
        var before = content[..close];
        var open = before.IndexOf(Open, StringComparison.Ordinal);
        var reasoning = open >= 0 ? before[(open + Open.Length)..] : before; // some templates open <think> in the prompt
        return (reasoning.Trim(), content[(close + Close.Length)..].Trim());
    }

    private static string StripThink(string content)
    {
        var close = content.LastIndexOf(Close, StringComparison.Ordinal);
        return close < 0 ? content : content[(close + Close.Length)..];
    }
}
