using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Problems;

/// <summary>The problem wire format of DESIGN.md §3 (snake_case JSON), both directions.</summary>
public static class ProblemJson
{
    /// <summary>Compact, non-ASCII kept as is, so JSONL stays readable and byte-stable.</summary>
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static JsonObject ToJson(Problem p)
    {
        var o = new JsonObject
        {
            ["id"] = p.Id,
            ["domain"] = p.Domain.ToWire(),
            ["prompt"] = p.Prompt,
        };
        if (p.Answer is not null) o["answer"] = p.Answer;
        if (p.Tests is not null) o["tests"] = p.Tests;
        if (p.EntryPoint is not null) o["entry_point"] = p.EntryPoint;
        if (p.IoTests is { Count: > 0 } io)
            o["io_tests"] = new JsonArray(io.Select(t => (JsonNode)new JsonObject { ["stdin"] = t.Stdin, ["expected_stdout"] = t.ExpectedStdout }).ToArray());
        if (p.FunctionTests is { Count: > 0 } ft)
            o["function_tests"] = new JsonArray(ft.Select(t => (JsonNode)new JsonObject { ["args"] = t.Args.DeepClone(), ["expected"] = t.Expected?.DeepClone() }).ToArray());
        if (p.Solution is not null) o["solution"] = p.Solution;
        o["source"] = SourceToJson(p.Source);
        if (p.Metadata is not null) o["metadata"] = p.Metadata.DeepClone();
        return o;
    }

    public static JsonObject SourceToJson(ProblemOrigin s)
    {
        var o = new JsonObject { ["kind"] = s.Kind, ["name"] = s.Name };
        if (s.Seed is { } seed) o["seed"] = seed;
        if (s.Difficulty is { } d) o["difficulty"] = d;
        if (s.Row is { } row) o["row"] = row;
        if (s.License is { } license) o["license"] = license;
        return o;
    }

    public static string Serialize(Problem p) => ToJson(p).ToJsonString(Compact);

    /// <summary>
    /// Reads a native problem object. The id is always recomputed from the content (a stale or hand-edited id
    /// cannot split one problem into two); <paramref name="fallbackSource"/> is used when the row has no source.
    /// </summary>
    public static Problem FromJson(JsonObject o, ProblemOrigin fallbackSource)
    {
        var domainText = RequireString(o, "domain");
        if (!ProblemDomainNames.TryParse(domainText, out var domain))
            throw new ProblemFormatException("domain", $"expected \"math\", \"code\" or \"logic\", got \"{domainText}\"");
        var prompt = RequireString(o, "prompt");
        var answer = OptionalString(o, "answer");
        var tests = OptionalString(o, "tests");
        var io = ReadIoTests(o);
        var ft = ReadFunctionTests(o);
        if (domain == ProblemDomain.Math && string.IsNullOrWhiteSpace(answer))
            throw new ProblemFormatException("answer", "math problems need a reference answer");
        if (domain == ProblemDomain.Code && string.IsNullOrWhiteSpace(tests) && io is null && ft is null)
            throw new ProblemFormatException("tests", "code problems need tests, io_tests or function_tests");
        var metadata = o["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : null;
        if (domain == ProblemDomain.Logic)
            Logic.Domain.LogicProblems.Resolve(metadata?[Logic.Domain.LogicProblems.MetadataKey], "metadata." + Logic.Domain.LogicProblems.MetadataKey);
        return new Problem
        {
            Id = ProblemId.For(domain, prompt, answer, tests, io, ft),
            Domain = domain,
            Prompt = prompt,
            Answer = answer,
            Tests = tests,
            EntryPoint = OptionalString(o, "entry_point"),
            IoTests = io,
            FunctionTests = ft,
            Solution = OptionalString(o, "solution"),
            Source = o["source"] is JsonObject s ? ReadSource(s) : fallbackSource,
            Metadata = metadata,
        };
    }

    private static ProblemOrigin ReadSource(JsonObject s) => new()
    {
        Kind = OptionalString(s, "kind") ?? "dataset",
        Name = OptionalString(s, "name") ?? "unknown",
        Seed = s["seed"] is JsonValue seed && seed.TryGetValue<long>(out var sv) ? sv : null,
        Difficulty = s["difficulty"] is JsonValue d && d.TryGetValue<int>(out var dv) ? dv : null,
        Row = s["row"] is JsonValue r && r.TryGetValue<long>(out var rv) ? rv : null,
        License = OptionalString(s, "license"),
    };

    private static List<IoTest>? ReadIoTests(JsonObject o)
    {
        if (o["io_tests"] is null)
            return null;
        if (o["io_tests"] is not JsonArray arr)
            throw new ProblemFormatException("io_tests", "expected an array of {\"stdin\", \"expected_stdout\"}");
        var list = new List<IoTest>(arr.Count);
        for (var i = 0; i < arr.Count; i++)
        {
            if (arr[i] is not JsonObject t)
                throw new ProblemFormatException($"io_tests[{i}]", "expected an object");
            list.Add(new IoTest(OptionalString(t, "stdin") ?? "", RequireString(t, "expected_stdout", $"io_tests[{i}].")));
        }

        return list.Count > 0 ? list : null;
    }

    private static List<FunctionTest>? ReadFunctionTests(JsonObject o)
    {
        if (o["function_tests"] is null)
            return null;
        if (o["function_tests"] is not JsonArray arr)
            throw new ProblemFormatException("function_tests", "expected an array of {\"args\", \"expected\"}");
        var list = new List<FunctionTest>(arr.Count);
        for (var i = 0; i < arr.Count; i++)
        {
            if (arr[i] is not JsonObject t || t["args"] is not JsonArray args)
                throw new ProblemFormatException($"function_tests[{i}].args", "expected an array of arguments");
            list.Add(new FunctionTest((JsonArray)args.DeepClone(), t["expected"]?.DeepClone()));
        }

        return list.Count > 0 ? list : null;
    }

    internal static string RequireString(JsonObject o, string field, string prefix = "")
    {
        var value = OptionalString(o, field, prefix);
        return string.IsNullOrWhiteSpace(value)
            ? throw new ProblemFormatException(prefix + field, "required text field is missing or empty")
            : value;
    }

    internal static string? OptionalString(JsonObject o, string field, string prefix = "")
    {
        var node = o[field];
        if (node is null)
            return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            return v.GetValue<string>();
        if (node is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
            return n.ToJsonString();
        throw new ProblemFormatException(prefix + field, $"expected a string, got {node.GetValueKind().ToString().ToLowerInvariant()}");
    }
}

/// <summary>A row does not match the expected problem format; <see cref="Field"/> names the offending field.</summary>
public sealed class ProblemFormatException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
