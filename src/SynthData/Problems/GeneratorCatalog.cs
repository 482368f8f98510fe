using SynthData.Logic.Domain;
using SynthData.Problems.Generators.Code;
using SynthData.Problems.Generators.Math;

namespace SynthData.Problems;

/// <summary>All built-in generators by name. Each family registers in its own list (math, code, logic).</summary>
public static class GeneratorCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, IProblemGenerator>> ByName = new(() =>
        MathGenerators.All.Concat(CodeGenerators.All).Concat(LogicGenerator.All).ToDictionary(g => g.Name, StringComparer.Ordinal));

    public static IEnumerable<IProblemGenerator> All => ByName.Value.Values.OrderBy(g => g.Domain).ThenBy(g => g.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out IProblemGenerator generator) =>
        ByName.Value.TryGetValue(name, out generator!);
}
