namespace SynthData.Tests.Verification.Math;

/// <summary>Finds the read-only shared datasets, which sit beside the repository (../shared) wherever it is cloned.</summary>
internal static class SharedData
{
    public static string MathTestSet => Find(Path.Combine("shared", "datasets", "math", "test.jsonl"));

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
