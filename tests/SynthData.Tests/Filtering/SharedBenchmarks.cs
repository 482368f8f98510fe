namespace SynthData.Tests.Filtering;

/// <summary>
/// The read-only shared datasets sit beside the repository (../shared). A git worktree can be nested deeper, so look
/// in every ancestor folder.
/// </summary>
internal static class SharedBenchmarks
{
    public static string Folder { get; } = Find();

    public static string Gsm8kTest => Path.Combine(Folder, "gsm8k", "test.jsonl");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (File.Exists(Path.Combine(candidate, "gsm8k", "test.jsonl")))
                return candidate;
        }

        throw new DirectoryNotFoundException("shared/datasets not found above " + AppContext.BaseDirectory);
    }
}
