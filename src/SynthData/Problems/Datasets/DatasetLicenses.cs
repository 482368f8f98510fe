namespace SynthData.Problems.Datasets;

/// <summary>
/// Licences of the public sets whose row formats SynthData imports by name, so their problems carry a licence without
/// configuration. Generic formats (<c>jsonl</c>, <c>csv</c>) have none: set <c>sources[].license</c> for them.
/// </summary>
public static class DatasetLicenses
{
    private static readonly Dictionary<string, string> ByFormat = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gsm8k"] = "MIT",      // openai/grade-school-math
        ["math"] = "MIT",       // hendrycks/math
        ["svamp"] = "MIT",      // arkilpatel/SVAMP
        ["humaneval"] = "MIT",  // openai/human-eval
        ["mbpp"] = "CC-BY-4.0", // google-research/mbpp
    };

    public static string? ForFormat(string format) => ByFormat.GetValueOrDefault(format.Trim());
}
