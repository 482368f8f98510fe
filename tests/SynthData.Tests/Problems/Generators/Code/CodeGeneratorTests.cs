using System.Text.Json;
using SynthData.Problems;
using SynthData.Problems.Generators.Code;
using SynthData.Tests.Verification.Code;
using SynthData.Verification;

namespace SynthData.Tests.Problems.Generators.Code;

[Collection(SandboxCollection.Name)]
public sealed class CodeGeneratorTests(SandboxFixture sandbox)
{
    public static TheoryData<string> Names() => new(CodeGenerators.All.Select(g => g.Name));

    [Fact]
    public void At_least_six_families_are_registered_in_the_catalog()
    {
        Assert.True(CodeGenerators.All.Count >= 6);
        Assert.All(CodeGenerators.All, g =>
        {
            Assert.Equal(ProblemDomain.Code, g.Domain);
            Assert.True(GeneratorCatalog.TryGet(g.Name, out _));
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Same_seed_gives_the_same_problems_and_other_seeds_differ(string name)
    {
        GeneratorCatalog.TryGet(name, out var generator);
        var a = GeneratorRunner.Generate(generator, 7, 3, 4).ToList();
        var b = GeneratorRunner.Generate(generator, 7, 3, 4).ToList();
        var c = GeneratorRunner.Generate(generator, 8, 3, 4).ToList();
        Assert.Equal(a.Select(Json), b.Select(Json));
        Assert.NotEqual(a.Select(p => p.Id), c.Select(p => p.Id));
        Assert.Equal(4, a.Select(p => p.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Prompt_shows_signature_and_examples_and_hides_most_tests(string name)
    {
        GeneratorCatalog.TryGet(name, out var generator);
        var p = GeneratorRunner.Generate(generator, 1, 5, 1).Single();
        Assert.Contains("def ", p.Solution!, StringComparison.Ordinal);
        Assert.Contains(p.EntryPoint + "(", p.Prompt, StringComparison.Ordinal);
        Assert.Contains(">>> ", p.Prompt, StringComparison.Ordinal);
        Assert.True(p.FunctionTests!.Count >= 10);
        var last = p.FunctionTests[^1];
        Assert.DoesNotContain(PythonLiteralFacade.Call(p.EntryPoint!, last.Args), p.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_reference_solution_passes_in_the_sandbox_at_every_difficulty_and_a_stub_fails()
    {
        var problems = CodeGenerators.All
            .SelectMany(g => Enumerable.Range(1, g.MaxDifficulty).SelectMany(d => GeneratorRunner.Generate(g, 2024, d, 2)))
            .ToList();
        var references = await Task.WhenAll(problems.Select(p => sandbox.Verifier.CheckProgramAsync(p, p.Solution!, CancellationToken.None)));
        var failing = problems.Zip(references).Where(x => !x.Second.Accepted)
            .Select(x => $"{x.First.Source.Name} d{x.First.Source.Difficulty}: {x.Second.Kind} {x.Second.Reason}").ToList();
        Assert.True(failing.Count == 0, string.Join('\n', failing));

        var stubs = await Task.WhenAll(CodeGenerators.All.Select(g => GeneratorRunner.Generate(g, 5, 3, 1).Single())
            .Select(p => sandbox.Verifier.CheckProgramAsync(p, $"def {p.EntryPoint}(*args):\n    return None\n", CancellationToken.None)));
        Assert.All(stubs, v => Assert.Equal(VerdictKinds.Failed, v.Kind));
    }

    private static string Json(Problem p) => JsonSerializer.Serialize(p);
}
