using System.Text.Json.Nodes;
using SynthData.Problems;
using SynthData.Problems.Datasets;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Verification.Code;

/// <summary>Reads HumanEval and MBPP straight from the repository's benchmark copies (the importer is tested elsewhere).</summary>
internal static class CodeDatasets
{
    public sealed record HumanEvalTask(string TaskId, string Prompt, string CanonicalSolution, string Test, string EntryPoint)
    {
        public Problem ToProblem() => new()
        {
            Id = TaskId, Domain = ProblemDomain.Code, Prompt = Prompt, Tests = Test, EntryPoint = EntryPoint,
            Source = ProblemOrigin.Dataset("humaneval", 1),
        };
    }

    public sealed record MbppTask(int TaskId, string Code, string Tests, string FirstAssert)
    {
        public Problem ToProblem() => new()
        {
            Id = "mbpp-" + TaskId, Domain = ProblemDomain.Code, Prompt = string.Empty, Tests = Tests,
            EntryPoint = MbppEntryPoint.Find(Code, FirstAssert),
            Source = ProblemOrigin.Dataset("mbpp", TaskId),
            // A few references take ~2 s alone; with both cores busy they need headroom.
            Metadata = new JsonObject { ["timeout_s"] = 10 },
        };
    }

    public static IReadOnlyList<HumanEvalTask> HumanEval() =>
        Rows(RepoPaths.HumanEval).Select(o => new HumanEvalTask(
            Str(o, "task_id"), Str(o, "prompt"), Str(o, "canonical_solution"), Str(o, "test"), Str(o, "entry_point"))).ToList();

    public static IReadOnlyList<MbppTask> Mbpp() =>
        Rows(RepoPaths.Mbpp).Select(o => new MbppTask(
            o["task_id"]!.GetValue<int>(),
            Str(o, "code"),
            Str(o, "test_setup_code") + "\n" + string.Join('\n', o["test_list"]!.AsArray().Select(t => t!.GetValue<string>())),
            o["test_list"]![0]!.GetValue<string>())).ToList();

    private static IEnumerable<JsonObject> Rows(string path) =>
        DatasetFile.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject());

    private static string Str(JsonObject o, string key) => o[key]!.GetValue<string>();
}
