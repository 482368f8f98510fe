using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Logic.Domain;
using SynthData.Problems;

namespace SynthData.Reward;

/// <summary>
/// One item of a reward request (DESIGN.md §2b): <c>{"ability", "ground_truth", "response", "finish_reason"?}</c>,
/// read into the problem the pipeline's verifiers take. <c>ground_truth</c> is exactly an <c>rl</c> row's
/// <c>reward_model.ground_truth</c>: the reference answer (math) or the tests as JSON text (code, see
/// <see cref="CodeTestsJson"/>; the parsed object is accepted too). <c>finish_reason: "length"</c> marks a
/// response cut off at max_tokens, which the pipeline never accepts.
/// </summary>
public sealed record RewardItem(Problem Problem, string Response, string FinishReason)
{
    /// <summary>Reads item <paramref name="index"/>; on bad input returns null and says which field and what was expected.</summary>
    public static RewardItem? TryRead(JsonNode? node, int index, out string error)
    {
        error = "";
        try
        {
            return Read(node, index);
        }
        catch (ProblemFormatException e)
        {
            error = $"items[{index}]{(e.Field.Length == 0 ? "" : "." + e.Field)}: {e.Message}";
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses strings it cannot decode (e.g. a lone surrogate escape) this way.
            error = $"items[{index}]: unreadable value: {e.Message}";
        }
        return null;
    }

    private static RewardItem Read(JsonNode? node, int index)
    {
        if (node is not JsonObject o)
            throw new ProblemFormatException("", "expected an object {\"ability\", \"ground_truth\", \"response\"}");
        var ability = Text(o, "ability") ?? throw new ProblemFormatException("ability", "expected \"math\", \"code\" or \"logic\" (a string)");
        var response = Text(o, "response") ?? throw new ProblemFormatException("response", "expected the model's output as a string");
        var finish = o["finish_reason"] is null ? "stop" : Text(o, "finish_reason") ?? throw new ProblemFormatException("finish_reason", "expected a string such as \"stop\" or \"length\"");
        var id = $"reward-item-{index}";
        var source = ProblemOrigin.Dataset("reward-request", index + 1);
        Problem problem = ability switch
        {
            "math" => new Problem
            {
                Id = id, Domain = ProblemDomain.Math, Prompt = string.Empty, Source = source,
                Answer = MathAnswer(o["ground_truth"]),
            },
            "code" => CodeTests(o["ground_truth"]).ToProblem(id, source),
            "logic" => LogicProblems.FromInstance(o["ground_truth"], "ground_truth", id, source),
            _ => throw new ProblemFormatException("ability", $"expected \"math\", \"code\" or \"logic\", got \"{ability}\""),
        };
        return new RewardItem(problem, response, finish);
    }

    /// <summary>The reference answer: a string, or a JSON number (datasets often store numeric answers as numbers).</summary>
    private static string MathAnswer(JsonNode? groundTruth) => groundTruth switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetValue<string>()) => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => throw new ProblemFormatException("ground_truth", "expected the reference answer as a non-empty string"),
    };

    private static CodeTests CodeTests(JsonNode? groundTruth)
    {
        try
        {
            return groundTruth switch
            {
                JsonObject tests => CodeTestsJson.Read(tests),
                JsonValue v when v.GetValueKind() == JsonValueKind.String => CodeTestsJson.Parse(v.GetValue<string>()),
                _ => throw new ProblemFormatException("", "expected the tests as JSON text (an rl row's reward_model.ground_truth) or a JSON object"),
            };
        }
        catch (ProblemFormatException e)
        {
            throw new ProblemFormatException(e.Field.Length == 0 ? "ground_truth" : "ground_truth." + e.Field, e.Message);
        }
    }

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
