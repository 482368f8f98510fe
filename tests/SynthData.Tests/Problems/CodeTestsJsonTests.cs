using System.Text.Json.Nodes;
using SynthData.Export;
using SynthData.Problems;
using SynthData.Problems.Generators.Code;

namespace SynthData.Tests.Problems;

public sealed class CodeTestsJsonTests
{
    private static Problem Code(string? tests = null, string? entry = null, IReadOnlyList<IoTest>? io = null,
        IReadOnlyList<FunctionTest>? ft = null, JsonObject? metadata = null) => new()
    {
        Id = "c", Domain = ProblemDomain.Code, Prompt = "p", Tests = tests, EntryPoint = entry, IoTests = io,
        FunctionTests = ft, Metadata = metadata, Source = ProblemOrigin.Dataset("x", 1),
    };

    private static void AssertSameTests(Problem expected, CodeTests actual)
    {
        var fromProblem = CodeTestsJson.From(expected);
        Assert.Equal(CodeTestsJson.ToJson(fromProblem).ToJsonString(), CodeTestsJson.ToJson(actual).ToJsonString());
    }

    [Fact]
    public void Every_shape_the_writer_emits_reads_back_to_the_same_tests()
    {
        var cases = new[]
        {
            Code(tests: "def check(candidate):\n    assert candidate(1) == 1\n", entry: "ident"),
            Code(tests: "assert add(1, 2) == 3\n"),
            Code(io: [new IoTest("1 2\n", "3\n"), new IoTest("", "\n")], metadata: new JsonObject { ["timeout_s"] = 2.5 }),
            Code(ft: [new FunctionTest([1, "a", new JsonArray(1, 2)], new JsonObject { ["k"] = null }), new FunctionTest([], null)], entry: "f"),
        };
        foreach (var p in cases)
        {
            var text = GroundTruth.For(p);
            var back = CodeTestsJson.Parse(text);
            AssertSameTests(p, back);
            Assert.Equal(text, CodeTestsJson.Serialize(back.ToProblem("id", p.Source)));
        }
    }

    [Fact]
    public void Every_generated_code_problem_has_self_contained_ground_truth()
    {
        foreach (var generator in CodeGenerators.All)
        {
            for (var d = 1; d <= 3; d++)
            {
                var g = generator.Generate(new SynthData.Common.SeededRandom((ulong)(7 + d)), d);
                var p = Code(tests: g.Tests, entry: g.EntryPoint, io: g.IoTests, ft: g.FunctionTests);
                var back = CodeTestsJson.Parse(GroundTruth.For(p));
                AssertSameTests(p, back);
                Assert.True(back.FunctionTests is { Count: > 0 } || back.IoTests is { Count: > 0 } || back.Tests is not null);
            }
        }
    }

    [Fact]
    public void Writer_picks_the_tests_the_verifier_runs_when_a_problem_has_several()
    {
        // The verifier runs function tests before stdin cases before test code: the ground truth must agree.
        var p = Code(tests: "assert False", io: [new IoTest("1", "1")], ft: [new FunctionTest([1], 1)], entry: "f");
        var o = CodeTestsJson.ToJson(p);
        Assert.True(o.ContainsKey("function_tests"));
        Assert.False(o.ContainsKey("inputs") || o.ContainsKey("tests"));
        o = CodeTestsJson.ToJson(p with { FunctionTests = null });
        Assert.True(o.ContainsKey("inputs"));
        Assert.False(o.ContainsKey("tests"));
    }

    [Fact]
    public void Apps_call_based_rows_unwrap_one_element_outputs_only_when_all_are_wrapped()
    {
        var wrapped = CodeTestsJson.Parse("""{"fn_name": "f", "inputs": [[1, 2], [[3]]], "outputs": [[3], [[3]]]}""");
        Assert.Equal("f", wrapped.EntryPoint);
        Assert.Equal("3", wrapped.FunctionTests![0].Expected!.ToJsonString());
        Assert.Equal("[3]", wrapped.FunctionTests[1].Expected!.ToJsonString());
        Assert.Equal("[[3]]", wrapped.FunctionTests[1].Args.ToJsonString());

        var plain = CodeTestsJson.Parse("""{"fn_name": "f", "inputs": [[1], [2]], "outputs": [[1], 2]}""");
        Assert.Equal("[1]", plain.FunctionTests![0].Expected!.ToJsonString());
        Assert.Equal("2", plain.FunctionTests[1].Expected!.ToJsonString());
    }

    [Fact]
    public void Apps_stdin_rows_take_strings_or_lists_of_lines()
    {
        var t = CodeTestsJson.Parse("""{"inputs": ["1\n", ["2", "3"]], "outputs": [["1"], "5\n"]}""");
        Assert.Equal([new IoTest("1\n", "1"), new IoTest("2\n3", "5\n")], t.IoTests!);
        Assert.Null(t.FunctionTests);
    }

    [Theory]
    [InlineData("[1]", "", "JSON object")]
    [InlineData("not json", "", "not JSON")]
    [InlineData("{}", "tests", "expected one of")]
    [InlineData("""{"tests": "assert 1", "inputs": ["1"], "outputs": ["1"]}""", "inputs", "exactly one kind")]
    [InlineData("""{"tests": ""}""", "tests", "non-empty")]
    [InlineData("""{"tests": 5}""", "tests", "a number")]
    [InlineData("""{"tests": "def check(candidate):\n    assert candidate(1)"}""", "entry_point", "check(candidate)")]
    [InlineData("""{"tests": "assert f(1)", "entry_point": 3}""", "entry_point", "non-empty string")]
    [InlineData("""{"function_tests": [{"args": [1], "expected": 1}]}""", "entry_point", "name of the function")]
    [InlineData("""{"function_tests": [], "entry_point": "f"}""", "function_tests", "non-empty list")]
    [InlineData("""{"function_tests": [{"args": 1, "expected": 1}], "entry_point": "f"}""", "function_tests[0].args", "positional arguments")]
    [InlineData("""{"function_tests": [{"args": [1], "expected": 1}, {"args": [2]}], "entry_point": "f"}""", "function_tests[1].expected", "missing")]
    [InlineData("""{"function_tests": [3], "entry_point": "f"}""", "function_tests[0]", "an object")]
    [InlineData("""{"outputs": ["1"]}""", "inputs", "without 'inputs'")]
    [InlineData("""{"inputs": ["1"], "outputs": ["1", "2"]}""", "outputs", "1 inputs, 2 outputs")]
    [InlineData("""{"inputs": ["1"]}""", "outputs", "list of expected outputs")]
    [InlineData("""{"inputs": [1], "outputs": ["1"]}""", "inputs[0]", "fn_name")]
    [InlineData("""{"inputs": ["1"], "outputs": [{"a": 1}]}""", "outputs[0]", "expected stdout")]
    [InlineData("""{"fn_name": "f", "inputs": ["1"], "outputs": [1]}""", "inputs[0]", "positional arguments")]
    [InlineData("""{"fn_name": "", "inputs": [[1]], "outputs": [1]}""", "fn_name", "non-empty string")]
    [InlineData("""{"inputs": ["1"], "outputs": ["1"], "timeout_s": 0}""", "timeout_s", "0.1..600")]
    [InlineData("""{"inputs": ["1"], "outputs": ["1"], "timeout_s": "5"}""", "timeout_s", "a string")]
    public void Malformed_tests_name_the_field_and_what_was_expected(string json, string field, string message)
    {
        var e = Assert.Throws<ProblemFormatException>(() => CodeTestsJson.Parse(json));
        Assert.Equal(field, e.Field);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
