using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Problems;

/// <summary>The test fields of a code problem, as one value: what a checker needs besides the program.</summary>
public sealed record CodeTests
{
    /// <summary>Python run after the program (HumanEval <c>check(candidate)</c> or MBPP asserts).</summary>
    public string? Tests { get; init; }
    public string? EntryPoint { get; init; }
    public IReadOnlyList<FunctionTest>? FunctionTests { get; init; }
    public IReadOnlyList<IoTest>? IoTests { get; init; }

    /// <summary>The problem's own wall limit (<c>metadata.timeout_s</c>), when it has one.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>The problem's own stdout float tolerance (<c>metadata.float_tolerance</c>), when it has one.</summary>
    public double? FloatTolerance { get; init; }

    /// <summary>A code problem with these tests and an empty prompt: what the code verifier takes.</summary>
    public Problem ToProblem(string id, ProblemOrigin source) => new()
    {
        Id = id,
        Domain = ProblemDomain.Code,
        Prompt = string.Empty,
        Tests = Tests,
        EntryPoint = EntryPoint,
        FunctionTests = FunctionTests,
        IoTests = IoTests,
        Source = source,
        Metadata = Metadata(),
    };

    private JsonObject? Metadata()
    {
        if (TimeoutSeconds is null && FloatTolerance is null)
            return null;
        var m = new JsonObject();
        if (TimeoutSeconds is { } s) m["timeout_s"] = s;
        if (FloatTolerance is { } t) m["float_tolerance"] = t;
        return m;
    }
}

/// <summary>
/// The one reader and writer of code tests as JSON: the ground truth of code <c>rl</c>/<c>grpo</c> rows, reward
/// requests, and dataset rows in the APPS/TACO/CodeContests layout. Shapes (exactly one per object):
/// <list type="bullet">
/// <item><c>{"tests": "...", "entry_point"?: "f"}</c>: Python test code. With <c>entry_point</c> and a
/// <c>check(candidate)</c> in the tests, <c>check(f)</c> is called (HumanEval); otherwise top-level asserts run (MBPP).</item>
/// <item><c>{"function_tests": [{"args": [...], "expected": value}], "entry_point": "f"}</c>: data-driven calls,
/// compared type-aware outside the sandbox.</item>
/// <item><c>{"inputs": [...], "outputs": [...]}</c>: stdin/stdout cases; each item a string, or a list of lines
/// joined with <c>\n</c> (as the APPS harness does).</item>
/// <item><c>{"inputs": [...], "outputs": [...], "fn_name": "f"}</c>: call-based (APPS/TACO); each input is the list
/// of positional arguments and each output the expected return value. APPS wraps returns in a one-element list in
/// most rows: when <em>every</em> output of the row is a one-element list, each is unwrapped; otherwise outputs
/// are taken as they are. Read as <see cref="CodeTests.FunctionTests"/>.</item>
/// </list>
/// Every shape may carry <c>"timeout_s"</c> (seconds, 0.1..600): the problem's own wall limit, and
/// <c>"float_tolerance"</c> (0..1): its stdout float tolerance (see <c>StdoutComparer</c>). Other keys are
/// ignored. Errors are <see cref="ProblemFormatException"/>s naming the field and what was expected.
/// </summary>
public static class CodeTestsJson
{
    public static CodeTests From(Problem problem) => new()
    {
        Tests = problem.Tests,
        EntryPoint = problem.EntryPoint,
        FunctionTests = problem.FunctionTests,
        IoTests = problem.IoTests,
        TimeoutSeconds = Verification.Code.CodeVerifier.TryReadTimeout(problem.Metadata?["timeout_s"], out var s) ? s : null,
        FloatTolerance = Verification.Code.CodeVerifier.TryReadFloatTolerance(problem.Metadata?["float_tolerance"], out var t) ? t : null,
    };

    /// <summary>
    /// The tests the code verifier would run, in one shape: function tests first, then stdin/stdout cases, then test
    /// code (the verifier's own order), so a checker reading this back judges exactly as the pipeline did.
    /// </summary>
    public static JsonObject ToJson(CodeTests tests)
    {
        JsonObject o;
        if (tests.FunctionTests is { Count: > 0 } ft)
        {
            o = new JsonObject
            {
                ["function_tests"] = new JsonArray(ft.Select(t => (JsonNode)new JsonObject { ["args"] = t.Args.DeepClone(), ["expected"] = t.Expected?.DeepClone() }).ToArray()),
                ["entry_point"] = tests.EntryPoint,
            };
        }
        else if (tests.IoTests is { Count: > 0 } io)
        {
            o = new JsonObject
            {
                ["inputs"] = new JsonArray(io.Select(t => (JsonNode)JsonValue.Create(t.Stdin)).ToArray()),
                ["outputs"] = new JsonArray(io.Select(t => (JsonNode)JsonValue.Create(t.ExpectedStdout)).ToArray()),
            };
        }
        else
        {
            o = new JsonObject { ["tests"] = tests.Tests, ["entry_point"] = tests.EntryPoint };
        }

        if (tests.TimeoutSeconds is { } seconds)
            o["timeout_s"] = seconds;
        if (tests.FloatTolerance is { } tolerance)
            o["float_tolerance"] = tolerance;
        return o;
    }

    public static JsonObject ToJson(Problem problem) => ToJson(From(problem));

    public static string Serialize(Problem problem) => ToJson(problem).ToJsonString(ProblemJson.Compact);

    /// <summary>Reads a JSON text holding one test object (e.g. a <c>ground_truth</c> string); an error about the text as a whole has an empty field.</summary>
    public static CodeTests Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ProblemFormatException("", $"expected a JSON object of code tests, got text that is not JSON ({e.Message})");
        }
        return node is JsonObject o
            ? Read(o)
            : throw new ProblemFormatException("", $"expected a JSON object of code tests, got {Kind(node)}");
    }

    public static CodeTests Read(JsonObject o)
    {
        var shapes = new[] { "tests", "function_tests", "inputs" }.Where(o.ContainsKey).ToList();
        if (o.ContainsKey("outputs") && !o.ContainsKey("inputs"))
            throw new ProblemFormatException("inputs", "'outputs' is given without 'inputs': expected both, as lists of the same length");
        if (shapes.Count != 1)
        {
            throw new ProblemFormatException(shapes.Count == 0 ? "tests" : shapes[1],
                shapes.Count == 0
                    ? "expected one of: \"tests\" (Python test code), \"function_tests\" (with \"entry_point\"), or \"inputs\" and \"outputs\""
                    : $"expected exactly one kind of tests, got both '{shapes[0]}' and '{shapes[1]}'");
        }

        var timeout = ReadTimeout(o);
        var tolerance = ReadFloatTolerance(o);
        return shapes[0] switch
        {
            "tests" => ReadTestCode(o) with { TimeoutSeconds = timeout, FloatTolerance = tolerance },
            "function_tests" => new CodeTests { FunctionTests = ReadFunctionTests(o), EntryPoint = RequireName(o, "entry_point"), TimeoutSeconds = timeout, FloatTolerance = tolerance },
            _ => ReadInputsOutputs(o) with { TimeoutSeconds = timeout, FloatTolerance = tolerance },
        };
    }

    private static CodeTests ReadTestCode(JsonObject o)
    {
        var tests = o["tests"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(tests))
            throw new ProblemFormatException("tests", $"expected non-empty Python test code (a string), got {Kind(o["tests"])}");
        var entryPoint = o["entry_point"] is null ? null : RequireName(o, "entry_point");
        // Without an entry point a check(candidate) is defined but never called: every program would pass.
        if (entryPoint is null && tests.Contains("def check(", StringComparison.Ordinal))
            throw new ProblemFormatException("entry_point", "the tests define check(candidate), which needs \"entry_point\" (the function to pass to it)");
        return new CodeTests { Tests = tests, EntryPoint = entryPoint };
    }

    private static List<FunctionTest> ReadFunctionTests(JsonObject o)
    {
        if (o["function_tests"] is not JsonArray arr || arr.Count == 0)
            throw new ProblemFormatException("function_tests", $"expected a non-empty list of {{\"args\": [...], \"expected\": value}}, got {Kind(o["function_tests"])}");
        var list = new List<FunctionTest>(arr.Count);
        for (var i = 0; i < arr.Count; i++)
        {
            if (arr[i] is not JsonObject t)
                throw new ProblemFormatException($"function_tests[{i}]", $"expected an object {{\"args\": [...], \"expected\": value}}, got {Kind(arr[i])}");
            if (t["args"] is not JsonArray args)
                throw new ProblemFormatException($"function_tests[{i}].args", $"expected the list of positional arguments, got {Kind(t["args"])}");
            if (!t.ContainsKey("expected"))
                throw new ProblemFormatException($"function_tests[{i}].expected", "missing: expected the value the call must return (null for None)");
            list.Add(new FunctionTest((JsonArray)args.DeepClone(), t["expected"]?.DeepClone()));
        }
        return list;
    }

    private static CodeTests ReadInputsOutputs(JsonObject o)
    {
        if (o["inputs"] is not JsonArray inputs || inputs.Count == 0)
            throw new ProblemFormatException("inputs", $"expected a non-empty list of test inputs, got {Kind(o["inputs"])}");
        if (o["outputs"] is not JsonArray outputs)
            throw new ProblemFormatException("outputs", $"expected a list of expected outputs, got {Kind(o["outputs"])}");
        if (outputs.Count != inputs.Count)
            throw new ProblemFormatException("outputs", $"expected one output per input: {inputs.Count} inputs, {outputs.Count} outputs");

        if (o.ContainsKey("fn_name"))
        {
            var name = RequireName(o, "fn_name");
            var unwrap = outputs.All(x => x is JsonArray { Count: 1 });
            var calls = new List<FunctionTest>(inputs.Count);
            for (var i = 0; i < inputs.Count; i++)
            {
                if (inputs[i] is not JsonArray args)
                    throw new ProblemFormatException($"inputs[{i}]", $"expected the list of positional arguments of call {i} (fn_name is given), got {Kind(inputs[i])}");
                var expected = unwrap ? ((JsonArray)outputs[i]!)[0] : outputs[i];
                calls.Add(new FunctionTest((JsonArray)args.DeepClone(), expected?.DeepClone()));
            }
            return new CodeTests { FunctionTests = calls, EntryPoint = name };
        }

        var cases = new List<IoTest>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
            cases.Add(new IoTest(Text(inputs[i], $"inputs[{i}]", "stdin"), Text(outputs[i], $"outputs[{i}]", "expected stdout")));
        return new CodeTests { IoTests = cases };
    }

    /// <summary>A stdin/stdout text: a string, or a list of lines joined with newlines.</summary>
    private static string Text(JsonNode? node, string field, string what)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            return v.GetValue<string>();
        if (node is JsonArray lines && lines.All(l => l is JsonValue lv && lv.GetValueKind() == JsonValueKind.String))
            return string.Join('\n', lines.Select(l => l!.GetValue<string>()));
        throw new ProblemFormatException(field, $"expected the {what} as a string or a list of lines (strings), got {Kind(node)} (add \"fn_name\" for call-based tests)");
    }

    private static string RequireName(JsonObject o, string field)
    {
        var name = o[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : null;
        return string.IsNullOrEmpty(name)
            ? throw new ProblemFormatException(field, $"expected the name of the function under test (a non-empty string), got {Kind(o[field])}")
            : name;
    }

    private static double? ReadTimeout(JsonObject o)
    {
        if (!o.ContainsKey("timeout_s"))
            return null;
        return Verification.Code.CodeVerifier.TryReadTimeout(o["timeout_s"], out var seconds)
            ? seconds
            : throw new ProblemFormatException("timeout_s", $"expected a number of seconds in 0.1..600, got {Kind(o["timeout_s"])} {o["timeout_s"]?.ToJsonString()}".TrimEnd());
    }

    private static double? ReadFloatTolerance(JsonObject o)
    {
        if (!o.ContainsKey("float_tolerance"))
            return null;
        return Verification.Code.CodeVerifier.TryReadFloatTolerance(o["float_tolerance"], out var tolerance)
            ? tolerance
            : throw new ProblemFormatException("float_tolerance", $"expected a number in 0..1 (stdout numbers within it compare equal), got {Kind(o["float_tolerance"])} {o["float_tolerance"]?.ToJsonString()}".TrimEnd());
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null or nothing",
        JsonObject => "an object",
        JsonArray a => a.Count == 0 ? "an empty list" : "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => v.GetValueKind().ToString().ToLower(CultureInfo.InvariantCulture),
        },
        _ => "an unknown value",
    };
}
