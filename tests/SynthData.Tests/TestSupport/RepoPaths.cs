namespace SynthData.Tests.TestSupport;

/// <summary>Locates the repository root and the shared datasets from the test binary's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// shared/datasets beside the repository (../shared), or beside any folder above it, so git worktrees nested
    /// one level deeper find the same data.
    /// </summary>
    public static string SharedDatasets { get; } = FindSharedDatasets();

    private static string FindSharedDatasets()
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
                return candidate;
        }

        return Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));
    }

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
