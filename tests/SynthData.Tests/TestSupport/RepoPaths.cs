namespace SynthData.Tests.TestSupport;

/// <summary>Locates the repository root and the shared datasets from the test binary's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedDatasets => Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SynthData.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("SynthData.sln not found above " + AppContext.BaseDirectory);
    }
}
