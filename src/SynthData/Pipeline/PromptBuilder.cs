using System.Text.Json;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Sampling;

namespace SynthData.Pipeline;

/// <summary>Turns a problem into the chat messages sent to the model, per the configured templates.</summary>
public static class PromptBuilder
{
    public static IReadOnlyList<ChatMessage> Build(Problem problem, ModelOptions options)
    {
        var (template, _) = options.PromptTemplate.For(problem.Domain);
        var user = template.Replace(PromptTemplateOptions.Placeholder, problem.Prompt, StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(options.SystemPrompt)
            ? [new ChatMessage("user", user)]
            : [new ChatMessage("system", options.SystemPrompt), new ChatMessage("user", user)];
    }

    public static string ToJson(IReadOnlyList<ChatMessage> messages) =>
        JsonSerializer.Serialize(messages.Select(m => new { role = m.Role, content = m.Content }), ProblemJson.Compact);
}
