using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Config;
using SynthData.Ledger;

namespace SynthData.Export;

/// <summary>The chat messages of an attempt as exports write them: the prompt as it was sent, and the response.</summary>
public static class Conversation
{
    /// <summary>The system (when configured) and user messages that were sent.</summary>
    public static JsonArray Prompt(LedgerAttempt a, ExportOptions options)
    {
        var messages = new JsonArray();
        foreach (var m in Sent(a))
        {
            if (m.role == "system" && !options.IncludeSystemPrompt)
                continue;
            messages.Add(new JsonObject { ["role"] = m.role, ["content"] = m.content });
        }

        return messages;
    }

    /// <summary>The user message that was sent.</summary>
    public static string UserText(LedgerAttempt a) => Sent(a).LastOrDefault(m => m.role == "user")?.content ?? a.Problem.Prompt;

    public static string? SystemText(LedgerAttempt a) => Sent(a).FirstOrDefault(m => m.role == "system")?.content;

    /// <summary>The response as an assistant message, reasoning in think tags or a separate field per <see cref="ExportOptions.Reasoning"/>.</summary>
    public static JsonObject Assistant(LedgerAttempt a, ExportOptions options)
    {
        var (reasoning, answer) = ThinkSplitter.Split(a.Attempt.Content, a.Attempt.ReasoningContent);
        var assistant = new JsonObject { ["role"] = "assistant" };
        if (options.Reasoning == ReasoningFormat.ReasoningContent)
        {
            assistant["content"] = answer;
            // Present on every row (null when the trace has no reasoning): one schema per export.
            assistant["reasoning_content"] = reasoning;
        }
        else
        {
            assistant["content"] = WithThinkTags(a);
        }

        return assistant;
    }

    /// <summary>The response as one text: <c>&lt;think&gt;reasoning&lt;/think&gt;</c> then the answer.</summary>
    public static string WithThinkTags(LedgerAttempt a)
    {
        var (reasoning, answer) = ThinkSplitter.Split(a.Attempt.Content, a.Attempt.ReasoningContent);
        return reasoning is null ? answer : $"<think>\n{reasoning}\n</think>\n\n{answer}";
    }

    private static List<MessageDto> Sent(LedgerAttempt a) => JsonSerializer.Deserialize<List<MessageDto>>(a.Attempt.MessagesJson) ?? [];

#pragma warning disable IDE1006, CA1812 // JSON shape of the stored messages
    private sealed record MessageDto(string role, string content);
#pragma warning restore IDE1006, CA1812
}
