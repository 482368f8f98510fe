namespace SynthData.Config;

public enum ReasoningFormat
{
    /// <summary><c>&lt;think&gt;…&lt;/think&gt;</c> followed by the answer, inside the assistant content.</summary>
    ThinkTags,
    /// <summary>The reasoning in a separate <c>reasoning_content</c> field of the assistant message.</summary>
    ReasoningContent,
}

public sealed class ExportOptions
{
    public ReasoningFormat Reasoning { get; set; } = ReasoningFormat.ThinkTags;

    /// <summary>Include the run's system prompt (when set) as the first message of each exported conversation.</summary>
    public bool IncludeSystemPrompt { get; set; } = true;
}
