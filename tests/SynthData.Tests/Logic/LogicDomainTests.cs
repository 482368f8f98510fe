using System.Text.Json.Nodes;
using SynthData.Logic;
using SynthData.Logic.Domain;
using SynthData.Problems;
using SynthData.Tests.TestSupport;
using SynthData.Verification;

namespace SynthData.Tests.Logic;

/// <summary>The logic domain inside the pipeline's types: generators, the problem format, the verifier, verify logic.</summary>
public sealed class LogicDomainTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static IEnumerable<object[]> Families() => LogicFamilies.All.Select(f => new object[] { f.Name });

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Every_family_is_a_generator_whose_solution_the_verifier_accepts_after_a_round_trip(string name)
    {
        Assert.True(GeneratorCatalog.TryGet(name, out var generator));
        Assert.Equal(ProblemDomain.Logic, generator.Domain);
        var verifier = new LogicVerifier();
        foreach (var problem in GeneratorRunner.Generate(generator, seed: 5, difficulty: 2, count: 5))
        {
            var copy = ProblemJson.FromJson(JsonNode.Parse(ProblemJson.Serialize(problem))!.AsObject(), problem.Source);
            Assert.Equal(problem.Id, copy.Id);
            var verdict = await verifier.VerifyAsync(copy, copy.Solution!, CancellationToken.None);
            Assert.True(verdict.Accepted, verdict.Reason);
            Assert.Equal(VerdictKinds.Correct, verdict.Kind);
            Assert.Equal(1.0, verdict.Score);

            var none = verifier.Verify(copy, "I could not solve it.");
            Assert.Equal(VerdictKinds.NoAnswer, none.Kind);
            Assert.Equal(0, none.Score);
        }
    }

    [Fact]
    public void A_logic_problem_without_a_known_puzzle_instance_is_a_located_format_error()
    {
        var noInstance = JsonNode.Parse("""{"domain": "logic", "prompt": "p"}""")!.AsObject();
        Assert.Equal("metadata.puzzle", Assert.Throws<ProblemFormatException>(() => ProblemJson.FromJson(noInstance, ProblemOrigin.Dataset("t", 1))).Field);
        var unknown = JsonNode.Parse("""{"domain": "logic", "prompt": "p", "metadata": {"puzzle": {"family": "chess"}}}""")!.AsObject();
        var e = Assert.Throws<ProblemFormatException>(() => ProblemJson.FromJson(unknown, ProblemOrigin.Dataset("t", 1)));
        Assert.Equal("metadata.puzzle.family", e.Field);
        Assert.Contains("sudoku", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_instance_is_a_verifier_error_not_a_rejection()
    {
        var problem = LogicProblems.FromInstance(JsonNode.Parse("""{"family": "sudoku", "givens": "oops"}"""), "ground_truth", "x", ProblemOrigin.Dataset("t", 1));
        var verdict = new LogicVerifier().Verify(problem, "```\n1 2\n2 1\n```");
        Assert.Equal(VerdictKinds.Error, verdict.Kind);
        Assert.False(verdict.Accepted);
    }

    [Fact]
    public void The_ground_truth_is_the_instance_as_text_and_reads_back()
    {
        Assert.True(GeneratorCatalog.TryGet("sudoku", out var generator));
        var problem = GeneratorRunner.Generate(generator, 1, 1, 1).Single();
        var truth = SynthData.Export.GroundTruth.For(problem);
        var back = LogicProblems.FromInstance(JsonValue.Create(truth), "ground_truth", "r", ProblemOrigin.Dataset("t", 1));
        Assert.True(new LogicVerifier().Verify(back, problem.Solution!).Accepted);
    }

    [Fact]
    public async Task Verify_logic_batch_scores_in_order_and_locates_bad_lines()
    {
        Assert.True(GeneratorCatalog.TryGet("sudoku", out var generator));
        var problem = GeneratorRunner.Generate(generator, 3, 1, 1).Single();
        var json = ProblemJson.Serialize(problem);
        var wrongGrid = problem.Solution!.Replace("```\n", "```\n0 ", StringComparison.Ordinal);
        var input = _dir.Write("in.jsonl", string.Join('\n',
            new JsonObject { ["id"] = "ok", ["problem"] = JsonNode.Parse(json), ["response"] = problem.Solution }.ToJsonString(),
            new JsonObject { ["id"] = "bad", ["problem"] = JsonNode.Parse(json), ["response"] = wrongGrid }.ToJsonString(),
            """{"id": "broken", "problem": {"domain": "logic", "prompt": "p"}, "response": "x"}""",
            "not json") + "\n");
        var output = _dir.File("out.jsonl");
        var r = await TestSupport.Cli.RunAsync("verify", "logic", "--input", input, "--output", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("2 with input errors", r.Error, StringComparison.Ordinal);
        var rows = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.True(rows[0]["accepted"]!.GetValue<bool>());
        Assert.Equal(1.0, rows[0]["score"]!.GetValue<double>());
        Assert.False(rows[1]["accepted"]!.GetValue<bool>());
        Assert.InRange(rows[1]["score"]!.GetValue<double>(), 0, 0.99);
        Assert.Contains("metadata.puzzle", rows[2]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("line 4", rows[3]["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
