using SynthData.Cli.Simulation.Model;

namespace SynthData.Cli.Simulation.Http;

/// <summary>One choice as it goes on the wire: token limit applied, reasoning inline or in its own field.</summary>
internal sealed record RenderedChoice(int Index, string? Content, string? Reasoning, string FinishReason, int CompletionTokens);

/// <summary>A whole chat completion as it goes on the wire (before any fault twists it).</summary>
internal sealed record RenderedCompletion(string Id, long Created, string Model, IReadOnlyList<RenderedChoice> Choices, int PromptTokens)
{
    private const string ThinkOpen = "<think>\n";
    private const string ThinkClose = "\n</think>";

    public int CompletionTokens => Choices.Sum(c => c.CompletionTokens);

    /// <summary>The same completion with no choices (the <c>empty</c> fault).</summary>
    public RenderedCompletion WithoutChoices() => this with { Choices = [] };

    /// <summary>The same completion with <c>null</c> content everywhere (the <c>nullcontent</c> fault).</summary>
    public RenderedCompletion WithNullContent() =>
        this with { Choices = [.. Choices.Select(c => c with { Content = null, Reasoning = null, FinishReason = "stop", CompletionTokens = 0 })] };

    /// <summary>Cuts a choice at the token limit and, when asked, moves its reasoning into <c>reasoning_content</c>.</summary>
    public static RenderedChoice Choice(int index, SimulatedCompletion completion, int tokenLimit, bool reasoningField)
    {
        var text = SimpleTokenizer.Truncate(completion.ToText(), tokenLimit, out var tokens, out var truncated);
        var finish = truncated ? "length" : "stop";
        if (!reasoningField)
            return new RenderedChoice(index, text, null, finish, tokens);

        // vLLM/DeepSeek style: the thinking goes to its own field, the content holds only what follows it.
        var body = text.Length >= ThinkOpen.Length ? text[ThinkOpen.Length..] : string.Empty;
        var close = body.IndexOf(ThinkClose, StringComparison.Ordinal);
        return close < 0
            ? new RenderedChoice(index, string.Empty, body, finish, tokens)
            : new RenderedChoice(index, body[(close + ThinkClose.Length)..].TrimStart('\n'), body[..close], finish, tokens);
    }
}
