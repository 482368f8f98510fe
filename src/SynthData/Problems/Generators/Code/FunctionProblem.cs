using System.Text;
using System.Text.Json.Nodes;
using SynthData.Verification.Code;

namespace SynthData.Problems.Generators.Code;

/// <summary>
/// Assembles a call-based code problem: a spec with the Python signature and a few visible examples, hidden
/// data-driven tests (expected values computed by the family's C# reference), and a reference Python program.
/// </summary>
internal static class FunctionProblem
{
    public const int VisibleExamples = 3;

    public static GeneratedProblem Create(
        string entryPoint, string signature, string spec, IReadOnlyList<FunctionTest> tests, string referenceSolution, int difficulty)
    {
        var prompt = new StringBuilder()
            .Append("Write a Python function `").Append(signature).Append("`.\n\n")
            .Append(spec.Trim()).Append("\n\nExamples:\n");
        foreach (var t in tests.Take(VisibleExamples))
        {
            prompt.Append(">>> ").Append(entryPoint).Append('(')
                .Append(string.Join(", ", t.Args.Select(PythonLiteral.FromJson))).Append(")\n")
                .Append(PythonLiteral.FromJson(t.Expected)).Append('\n');
        }
        prompt.Append("\nReturn exactly the type shown. Answer with the complete function in a ```python code block.");
        return new GeneratedProblem
        {
            Prompt = prompt.ToString(),
            EntryPoint = entryPoint,
            FunctionTests = tests,
            Solution = referenceSolution.Trim() + "\n",
            Metadata = new JsonObject { ["difficulty"] = difficulty, ["hidden_tests"] = tests.Count - System.Math.Min(VisibleExamples, tests.Count) },
        };
    }

    public static FunctionTest Test(JsonNode? expected, params JsonNode?[] args) => new(new JsonArray(args), expected);

    public static JsonArray IntList(IEnumerable<int> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonArray Matrix(int[][] rows) => new(rows.Select(r => (JsonNode?)IntList(r)).ToArray());
}
