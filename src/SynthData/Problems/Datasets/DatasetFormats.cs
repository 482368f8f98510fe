using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SynthData.Config;

namespace SynthData.Problems.Datasets;

/// <summary>Maps the row formats of public datasets onto <see cref="Problem"/>.</summary>
public static partial class DatasetFormats
{
    public static IReadOnlyList<string> Names { get; } = ["jsonl", "gsm8k", "math", "svamp", "humaneval", "mbpp", "apps", "csv"];

    public static bool IsKnown(string format) => Names.Contains(format.Trim().ToLowerInvariant());

    /// <summary>Format used when none is configured: by extension (a trailing <c>.gz</c> aside), and for JSONL by the fields of the first row.</summary>
    public static string Infer(string path) =>
        Path.GetExtension(DatasetFile.ContentPath(path)).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "jsonl";

    /// <summary>Builds a problem from one JSON row; throws <see cref="ProblemFormatException"/> naming the field.</summary>
    public static Problem FromJsonRow(string format, JsonObject row, string datasetName, long rowNumber, FieldMapOptions fields)
    {
        var origin = ProblemOrigin.Dataset(datasetName, rowNumber);
        return format switch
        {
            "gsm8k" => Gsm8k(row, origin),
            "math" => MathRow(row, origin),
            "svamp" => Svamp(row, origin),
            "humaneval" => HumanEval(row, origin),
            "mbpp" => Mbpp(row, origin),
            "apps" => AppsFormat.Read(row, origin),
            _ => Generic(row, origin, fields),
        };
    }

    /// <summary>Native problem rows (with <c>domain</c>), or the fields of well-known sets, detected per row.</summary>
    private static Problem Generic(JsonObject row, ProblemOrigin origin, FieldMapOptions fields)
    {
        if (row.ContainsKey("domain") && row.ContainsKey("prompt") && fields.Prompt == "prompt")
            return ProblemJson.FromJson(row, origin);
        if (AppsFormat.Looks(row))
            return AppsFormat.Read(row, origin);
        if (row.ContainsKey("question") && row["answer"] is JsonValue a && a.ToString().Contains("####", StringComparison.Ordinal))
            return Gsm8k(row, origin);
        if (row.ContainsKey("problem") && (row.ContainsKey("solution") || row.ContainsKey("answer")) && fields.Prompt == "prompt")
            return MathRow(row, origin);
        if (row.ContainsKey("canonical_solution") && row.ContainsKey("entry_point"))
            return HumanEval(row, origin);
        if (row.ContainsKey("test_list"))
            return Mbpp(row, origin);
        var prompt = ProblemJson.RequireString(row, fields.Prompt);
        var answer = ProblemJson.RequireString(row, fields.Answer);
        return MathProblem(prompt, answer, null, origin);
    }

    internal static Problem MathProblem(string prompt, string answer, string? solution, ProblemOrigin origin) => new()
    {
        Id = ProblemId.For(ProblemDomain.Math, prompt, answer, null, null, null),
        Domain = ProblemDomain.Math,
        Prompt = prompt,
        Answer = answer,
        Solution = solution,
        Source = origin,
    };

    private static Problem Gsm8k(JsonObject row, ProblemOrigin origin)
    {
        var question = ProblemJson.RequireString(row, "question");
        var solution = ProblemJson.RequireString(row, "answer");
        var m = Gsm8kFinal().Match(solution);
        if (!m.Success)
            throw new ProblemFormatException("answer", "expected a GSM8K answer ending in '#### <number>'");
        var answer = m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal).Trim();
        return MathProblem(question, answer, solution, origin);
    }

    private static Problem MathRow(JsonObject row, ProblemOrigin origin)
    {
        var problem = ProblemJson.RequireString(row, "problem");
        var solution = ProblemJson.OptionalString(row, "solution");
        var answer = ProblemJson.OptionalString(row, "answer");
        if (string.IsNullOrWhiteSpace(answer))
            answer = solution is null ? null : Verification.Math.Extraction.BoxScanner.LastContent(solution);
        if (string.IsNullOrWhiteSpace(answer))
            throw new ProblemFormatException("answer", "expected an 'answer' field or a \\boxed{} answer in 'solution'");
        return MathProblem(problem, answer, solution, origin);
    }

    private static Problem Svamp(JsonObject row, ProblemOrigin origin)
    {
        var question = ProblemJson.RequireString(row, "question");
        var answer = ProblemJson.RequireString(row, "answer");
        if (decimal.TryParse(answer, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d))
            answer = d == decimal.Truncate(d) ? decimal.Truncate(d).ToString(System.Globalization.CultureInfo.InvariantCulture) : answer;
        return MathProblem(question, answer, null, origin);
    }

    private static Problem HumanEval(JsonObject row, ProblemOrigin origin)
    {
        var prompt = ProblemJson.RequireString(row, "prompt");
        var tests = ProblemJson.RequireString(row, "test");
        var entry = ProblemJson.RequireString(row, "entry_point");
        var canonical = ProblemJson.OptionalString(row, "canonical_solution");
        return new Problem
        {
            Id = ProblemId.For(ProblemDomain.Code, prompt, null, tests, null, null),
            Domain = ProblemDomain.Code,
            Prompt = "Complete the following Python function.\n\n```python\n" + prompt.TrimEnd() + "\n```",
            Tests = tests,
            EntryPoint = entry,
            Solution = canonical is null ? null : prompt + canonical,
            Source = origin,
            Metadata = TaskId(row),
        };
    }

    private static Problem Mbpp(JsonObject row, ProblemOrigin origin)
    {
        var text = ProblemJson.OptionalString(row, "text") ?? ProblemJson.RequireString(row, "prompt");
        if (row["test_list"] is not JsonArray list || list.Count == 0)
            throw new ProblemFormatException("test_list", "expected a non-empty array of assert statements");
        var asserts = new List<string>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String)
                throw new ProblemFormatException($"test_list[{i}]", "expected a string");
            asserts.Add(v.GetValue<string>());
        }

        var setup = ProblemJson.OptionalString(row, "test_setup_code") ?? "";
        var imports = row["test_imports"] is JsonArray ti ? string.Join('\n', ti.Select(x => x?.ToString())) : "";
        var tests = string.Join('\n', new[] { imports, setup }.Where(s => s.Trim().Length > 0).Concat(asserts)) + "\n";
        // The first assert shows the expected function name and call shape, as in the standard MBPP prompt.
        var prompt = $"{text.Trim()}\nYour code should pass this test:\n{asserts[0]}";
        var reference = ProblemJson.OptionalString(row, "code");
        return new Problem
        {
            Id = ProblemId.For(ProblemDomain.Code, prompt, null, tests, null, null),
            Domain = ProblemDomain.Code,
            Prompt = prompt,
            Tests = tests,
            EntryPoint = MbppEntryPoint.Find(reference, asserts[0]),
            Solution = reference,
            Source = origin,
            Metadata = TaskId(row),
        };
    }

    private static JsonObject? TaskId(JsonObject row) =>
        row["task_id"] is { } id ? new JsonObject { ["task_id"] = id.DeepClone() } : null;

    [GeneratedRegex(@"####\s*(.+?)\s*$")]
    private static partial Regex Gsm8kFinal();
}
