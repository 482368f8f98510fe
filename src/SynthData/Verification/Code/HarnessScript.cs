using System.Reflection;

namespace SynthData.Verification.Code;

/// <summary>
/// The trusted Python harness (<c>harness.py</c>, an embedded resource) written once to a private directory that
/// is bind-mounted read-only into every sandbox.
/// </summary>
internal sealed class HarnessScript : IDisposable
{
    public const string FileName = "harness.py";
    public const string ZygoteFileName = "zygote.py";

    private HarnessScript(string directory) => Directory = directory;

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, FileName);

    public static HarnessScript WriteToTemp()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("synthdata-harness-");
        foreach (var (name, source) in new[] { (FileName, Source), (ZygoteFileName, ZygoteSource) })
        {
            var path = Path.Combine(dir.FullName, name);
            File.WriteAllText(path, source);
            // The sandbox runs under another uid: it must be able to read, never write.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        return new HarnessScript(dir.FullName);
    }

    public static string Source { get; } = LoadSource(FileName);

    /// <summary>The warm sandbox that forks isolated harnesses (zygote.py).</summary>
    public static string ZygoteSource { get; } = LoadSource(ZygoteFileName);

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string LoadSource(string fileName)
    {
        var assembly = typeof(HarnessScript).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
