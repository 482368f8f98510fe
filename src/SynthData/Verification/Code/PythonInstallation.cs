using System.Diagnostics;

namespace SynthData.Verification.Code;

/// <summary>
/// The configured interpreter as the sandbox must show it: the real executable (a pyenv shim is a shell script that
/// cannot run in the jail) and every directory outside /usr its installation lives in (pyenv, conda, a venv and the
/// base interpreter it points to), to be mounted read-only at the same paths.
/// </summary>
internal sealed record PythonInstallation(string Executable, IReadOnlyList<string> RootsOutsideUsr, string Version)
{
    private const string ProbeScript =
        "import sys; print(sys.executable); print(sys.prefix); print(sys.base_prefix); print(sys.exec_prefix); " +
        "print(sys.base_exec_prefix); print('%d.%d' % sys.version_info[:2])";

    /// <summary>Runs the interpreter once (trusted configuration, not model output); throws with what is wrong.</summary>
    public static PythonInstallation Probe(string pythonPath)
    {
        const string Key = "verification.code.python_path";
        if (!File.Exists(pythonPath))
            throw new SandboxUnavailableException($"python not found at '{pythonPath}' ({Key})");
        var start = new ProcessStartInfo(pythonPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-I", "-S", "-c", ProbeScript })
            start.ArgumentList.Add(a);
        string[] lines;
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                throw new SandboxUnavailableException($"'{pythonPath}' ({Key}) did not answer within 30 s when asked for its installation");
            }
            if (process.ExitCode != 0)
                throw new SandboxUnavailableException($"'{pythonPath}' ({Key}) failed (exit {process.ExitCode}) when asked for its installation: {stderr.Result.Trim()}");
            lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SandboxUnavailableException($"'{pythonPath}' ({Key}) cannot be run: {e.Message}");
        }
        if (lines.Length != 6 || !System.Version.TryParse(lines[5], out var version))
            throw new SandboxUnavailableException($"'{pythonPath}' ({Key}) is not a Python interpreter that reports sys.executable and sys.prefix");
        if (version < new System.Version(3, 8))
            throw new SandboxUnavailableException($"'{pythonPath}' ({Key}) is Python {lines[5]}: the sandbox harness needs Python 3.8 or newer");
        var executable = lines[0].Length > 0 ? lines[0] : pythonPath;

        var roots = new List<string>();
        foreach (var path in new[] { executable, Resolved(executable) })
            roots.Add(Path.GetDirectoryName(Path.GetDirectoryName(path)!) ?? "/");
        roots.AddRange(lines.Skip(1).Take(4));
        var outside = roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r)))
            .Where(r => r != "/usr" && !r.StartsWith("/usr/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var root in outside)
        {
            if (root == "/" || !Directory.Exists(root))
                throw new SandboxUnavailableException($"the installation of '{pythonPath}' ({Key}) reports prefix '{root}', which cannot be shown read-only in the sandbox");
        }
        // A root inside another is mounted with it.
        var minimal = outside.Where(r => !outside.Any(o => o != r && r.StartsWith(o + "/", StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();
        return new PythonInstallation(executable, minimal, lines[5]);
    }

    private static string Resolved(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
}
