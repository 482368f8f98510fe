using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Problems.Datasets;

/// <summary>
/// Dataset format <c>apps</c>: competition-style code problems in the layout of APPS, TACO and the RL sets derived
/// from them and from CodeContests. A row has a statement and a tests object <c>{"inputs", "outputs", "fn_name"?}</c>
/// (read by <see cref="CodeTestsJson"/>), stored as an object or as a JSON string (APPS and TACO store a string).
/// <list type="bullet">
/// <item>statement: the first of <c>question</c> (APPS, TACO), <c>prompt</c>, <c>problem</c>, <c>description</c>
/// (CodeContests) that is present; a list of chat messages (verl-style <c>prompt</c>) gives its last user message.</item>
/// <item>tests: the first of <c>input_output</c> (APPS, TACO), <c>test_cases</c>, <c>tests</c>,
/// <c>reward_model.ground_truth</c> (verl-style rows) that is present; CodeContests' <c>{"input": [...],
/// "output": [...]}</c> spelling is read as <c>inputs</c>/<c>outputs</c>.</item>
/// <item>without <c>fn_name</c>: stdin/stdout cases; with it: call-based, each input the argument list and each
/// output the return value (a one-element list around every output is unwrapped, as APPS writes them; see
/// <see cref="CodeTestsJson"/>). Class-based starter code (LeetCode's <c>class Solution</c>) is refused: the
/// verifier calls <c>fn_name</c> as a top-level function.</item>
/// <item>optional: <c>starter_code</c> (shown in the prompt), <c>solutions</c> (list or JSON string of a list: the
/// first is the reference solution), <c>problem_id</c>/<c>task_id</c>/<c>id</c>, <c>difficulty</c>, <c>url</c>
/// (kept in metadata).</item>
/// </list>
/// The prompt is the statement, the starter code, and one line saying how the program is run, so a model
/// knows whether to read stdin or define <c>fn_name</c>.
/// </summary>
internal static class AppsFormat
{
    private static readonly string[] StatementFields = ["question", "prompt", "problem", "description"];
    private static readonly string[] TestFields = ["input_output", "test_cases", "tests"];

    /// <summary>Whether a row looks like this format (for the auto-detecting <c>jsonl</c> format).</summary>
    public static bool Looks(JsonObject row) => row.ContainsKey("input_output");

    public static Problem Read(JsonObject row, ProblemOrigin origin)
    {
        var statement = Statement(row);
        var (field, testsObject) = TestsObject(row);
        CodeTests tests;
        try
        {
            tests = CodeTestsJson.Read(testsObject);
        }
        catch (ProblemFormatException e)
        {
            throw new ProblemFormatException($"{field}.{e.Field}", e.Message);
        }

        var starter = ProblemJson.OptionalString(row, "starter_code")?.TrimEnd();
        if (starter is { Length: > 0 } && tests.EntryPoint is not null && starter.Contains("class Solution", StringComparison.Ordinal))
        {
            throw new ProblemFormatException("starter_code",
                "class-based starter code (class Solution) is not supported: the verifier calls fn_name as a top-level function");
        }

        var prompt = statement.Trim();
        if (starter is { Length: > 0 })
            prompt += "\n\nStarter code:\n```python\n" + starter + "\n```";
        prompt += tests.EntryPoint is { } fn
            ? $"\n\nWrite a Python function `{fn}`: it is called with each test's arguments and its return value is checked."
            : "\n\nWrite a Python program that reads the input from standard input and prints the answer to standard output.";

        return new Problem
        {
            Id = ProblemId.For(ProblemDomain.Code, prompt, null, tests.Tests, tests.IoTests, tests.FunctionTests),
            Domain = ProblemDomain.Code,
            Prompt = prompt,
            EntryPoint = tests.EntryPoint,
            IoTests = tests.IoTests,
            FunctionTests = tests.FunctionTests,
            Solution = FirstSolution(row),
            Source = origin,
            Metadata = Metadata(row, tests),
        };
    }

    private static string Statement(JsonObject row)
    {
        foreach (var field in StatementFields)
        {
            switch (row[field])
            {
                case null:
                    continue;
                case JsonArray messages:
                    return messages.OfType<JsonObject>().LastOrDefault(m => m["role"]?.ToString() == "user")?["content"] is JsonValue c
                        && c.GetValueKind() == JsonValueKind.String && c.GetValue<string>().Trim().Length > 0
                        ? c.GetValue<string>()
                        : throw new ProblemFormatException(field, "expected the statement as text, or chat messages with a non-empty user message");
                default:
                    return ProblemJson.RequireString(row, field);
            }
        }
        throw new ProblemFormatException("question", $"expected the problem statement in one of: {string.Join(", ", StatementFields)}");
    }

    private static (string Field, JsonObject Tests) TestsObject(JsonObject row)
    {
        foreach (var field in TestFields)
        {
            if (row[field] is { } node)
                return (field, AsTests(node, field));
        }
        if (row["reward_model"] is JsonObject reward && reward["ground_truth"] is { } truth)
            return ("reward_model.ground_truth", AsTests(truth, "reward_model.ground_truth"));
        throw new ProblemFormatException("input_output",
            $"expected the tests {{\"inputs\": [...], \"outputs\": [...], \"fn_name\"?}} in one of: {string.Join(", ", TestFields)}, reward_model.ground_truth");
    }

    /// <summary>An object, or a JSON string of one; CodeContests' <c>input</c>/<c>output</c> keys become <c>inputs</c>/<c>outputs</c>.</summary>
    private static JsonObject AsTests(JsonNode node, string field)
    {
        var parsed = node;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                parsed = JsonNode.Parse(v.GetValue<string>());
            }
            catch (JsonException e)
            {
                throw new ProblemFormatException(field, $"expected a JSON object {{\"inputs\", \"outputs\"}} (or a JSON string of one), got a string that is not JSON ({e.Message})");
            }
        }
        if (parsed is not JsonObject o)
            throw new ProblemFormatException(field, "expected a JSON object {\"inputs\", \"outputs\", \"fn_name\"?} (or a JSON string of one)");
        o = (JsonObject)o.DeepClone();
        if (!o.ContainsKey("inputs") && !o.ContainsKey("outputs") && o["input"] is JsonArray && o["output"] is JsonArray)
        {
            o["inputs"] = o["input"]!.DeepClone();
            o["outputs"] = o["output"]!.DeepClone();
        }
        // Only the keys CodeTestsJson reads: a row's other test-like fields must not make it ambiguous.
        var tests = new JsonObject { ["inputs"] = o["inputs"]?.DeepClone(), ["outputs"] = o["outputs"]?.DeepClone() };
        foreach (var key in new[] { "fn_name", "timeout_s", "float_tolerance" })
        {
            if (o.ContainsKey(key))
                tests[key] = o[key]?.DeepClone();
        }
        return tests;
    }

    private static string? FirstSolution(JsonObject row)
    {
        var node = row["solutions"];
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                node = JsonNode.Parse(v.GetValue<string>());
            }
            catch (JsonException)
            {
                return v.GetValue<string>(); // a single solution stored as plain code
            }
        }
        return node is JsonArray { Count: > 0 } list && list[0] is JsonValue first && first.GetValueKind() == JsonValueKind.String
            ? first.GetValue<string>()
            : null;
    }

    private static JsonObject? Metadata(JsonObject row, CodeTests tests)
    {
        var m = new JsonObject();
        foreach (var key in new[] { "problem_id", "task_id", "id", "difficulty", "url" })
        {
            if (row[key] is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
                m[key] = value.DeepClone();
        }
        if (tests.TimeoutSeconds is { } s) m["timeout_s"] = s;
        if (tests.FloatTolerance is { } t) m["float_tolerance"] = t;
        return m.Count == 0 ? null : m;
    }
}
