namespace SynthData.Tests.TestSupport;

/// <summary>Locates the repository root and the data inside it from the test binary's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The benchmarks shipped in the repository (gzip'd JSONL with their licences; see data/README.md).</summary>
    public static string Benchmarks => Path.Combine(Root, "data", "benchmarks");

    public static string Gsm8kTest => Path.Combine(Benchmarks, "gsm8k", "test.jsonl.gz");

    public static string MathTest => Path.Combine(Benchmarks, "math", "test.jsonl.gz");

    public static string HumanEval => Path.Combine(Benchmarks, "humaneval", "HumanEval.jsonl.gz");

    public static string Mbpp => Path.Combine(Benchmarks, "mbpp", "mbpp.jsonl.gz");

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
