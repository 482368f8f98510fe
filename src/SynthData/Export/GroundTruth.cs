using System.Text.Json.Nodes;
using SynthData.Problems;

namespace SynthData.Export;

/// <summary>
/// What an RL reward function checks against, as one string (a Parquet column has one type). Math: the reference
/// answer. Code: JSON — <c>{"inputs": [...], "outputs": [...]}</c> for stdin/stdout tests (the layout verl's code
/// scorers read), otherwise <c>{"tests", "entry_point"}</c> or <c>{"function_tests", "entry_point"}</c>.
/// </summary>
public static class GroundTruth
{
    public static string For(Problem p)
    {
        if (p.Domain == ProblemDomain.Math)
            return p.Answer ?? "";
        JsonObject o;
        if (p.IoTests is { Count: > 0 } io)
        {
            o = new JsonObject
            {
                ["inputs"] = new JsonArray(io.Select(t => (JsonNode)JsonValue.Create(t.Stdin)).ToArray()),
                ["outputs"] = new JsonArray(io.Select(t => (JsonNode)JsonValue.Create(t.ExpectedStdout)).ToArray()),
            };
        }
        else if (p.FunctionTests is { Count: > 0 } ft)
        {
            o = new JsonObject
            {
                ["function_tests"] = new JsonArray(ft.Select(t => (JsonNode)new JsonObject { ["args"] = t.Args.DeepClone(), ["expected"] = t.Expected?.DeepClone() }).ToArray()),
                ["entry_point"] = p.EntryPoint,
            };
        }
        else
        {
            o = new JsonObject { ["tests"] = p.Tests, ["entry_point"] = p.EntryPoint };
        }

        return o.ToJsonString(ProblemJson.Compact);
    }
}
