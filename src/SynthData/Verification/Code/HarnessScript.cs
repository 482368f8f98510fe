using System.Reflection;

namespace SynthData.Verification.Code;

/// <summary>
/// The trusted Python harness (<c>harness.py</c>, an embedded resource) written once to a private directory that
/// is bind-mounted read-only into every sandbox.
/// </summary>
internal sealed class HarnessScript : IDisposable
{
    public const string FileName = "harness.py";

    private HarnessScript(string directory) => Directory = directory;

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, FileName);

    public static HarnessScript WriteToTemp()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("synthdata-harness-");
        var path = Path.Combine(dir.FullName, FileName);
        File.WriteAllText(path, Source);
        if (OperatingSystem.IsWindows())
            return new HarnessScript(dir.FullName);
        // The sandbox runs under another uid: it must be able to traverse and read, never write.
        File.SetUnixFileMode(dir.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return new HarnessScript(dir.FullName);
    }

    public static string Source { get; } = LoadSource();

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string LoadSource()
    {
        var assembly = typeof(HarnessScript).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + FileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
