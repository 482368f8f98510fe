using System.Globalization;

namespace SynthData.Verification.Code;

/// <summary>
/// Interpreter installations that the sandbox uid cannot reach on the host because a parent directory does not let
/// others through (pyenv under /root, mode 0700; a venv in a private temporary directory). Bubblewrap runs as the
/// sandbox uid and can only bind what it can reach, so, as root, each launch first enters a private mount namespace
/// (the host's mounts are untouched) and binds each installation onto an empty world-reachable staging directory;
/// bubblewrap then binds it from there, read-only, at its real path inside the jail. Only the installation itself
/// becomes visible, never its parents' other contents.
/// </summary>
internal sealed class InstallationStaging : IDisposable
{
    private const string UnsharePath = "/usr/bin/unshare";
    private const string MountPath = "/usr/bin/mount";
    private readonly string? _directory;
    private readonly IReadOnlyList<(string Root, string Staging)> _staged;

    private InstallationStaging(string? directory, IReadOnlyList<(string Root, string Staging)> staged)
    {
        _directory = directory;
        _staged = staged;
    }

    public static InstallationStaging None { get; } = new(null, []);

    public bool IsEmpty => _staged.Count == 0;

    /// <summary>
    /// Stages the roots that <paramref name="sandboxUid"/> cannot reach; throws <see cref="SandboxUnavailableException"/>
    /// saying what is wrong when an installation cannot be shown to that uid at all.
    /// </summary>
    public static InstallationStaging Create(string pythonPath, PythonInstallation python, int sandboxUid)
    {
        if (!OperatingSystem.IsLinux())
            throw new SandboxUnavailableException("the bubblewrap sandbox needs Linux");
        var id = sandboxUid.ToString(CultureInfo.InvariantCulture);
        foreach (var root in python.RootsOutsideUsr)
        {
            // The installation's own files are read as the sandbox uid inside the jail: staging fixes the way in, not modes.
            const UnixFileMode Needed = UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            if ((new DirectoryInfo(root).UnixFileMode & Needed) != Needed)
                throw new SandboxUnavailableException(
                    $"the interpreter '{pythonPath}' (verification.code.python_path) is installed in '{root}', which uid {id} (verification.code.sandbox_uid) " +
                    $"may not read (mode {Convert.ToString((int)new DirectoryInfo(root).UnixFileMode, 8)}): make it readable to others (chmod -R o+rX '{root}')");
        }
        var hidden = python.RootsOutsideUsr.Where(r => !ReachableByOthers(r)).ToList();
        if (hidden.Count == 0)
            return None;
        foreach (var tool in new[] { UnsharePath, MountPath })
        {
            if (!File.Exists(tool))
                throw new SandboxUnavailableException(
                    $"the interpreter '{pythonPath}' (verification.code.python_path) is installed in {string.Join(", ", hidden.Select(h => $"'{h}'"))}, " +
                    $"which uid {id} cannot enter (a parent directory is closed to others); showing it in the sandbox needs {tool} (util-linux)");
        }
        var directory = Directory.CreateTempSubdirectory("synthdata-python-").FullName;
        const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(directory, Open);
        var staged = new List<(string, string)>();
        for (var i = 0; i < hidden.Count; i++)
            staged.Add((hidden[i], Directory.CreateDirectory(Path.Combine(directory, i.ToString(CultureInfo.InvariantCulture))).FullName));
        return new InstallationStaging(directory, staged);
    }

    /// <summary>Where bubblewrap finds <paramref name="root"/>: its staging directory, or the root itself.</summary>
    public string SourceOf(string root) =>
        _staged.FirstOrDefault(s => s.Root == root).Staging ?? root;

    /// <summary>The launcher in front of the jail's shell: a private mount namespace (nothing when nothing is staged).</summary>
    public IEnumerable<string> LauncherPrefix() =>
        IsEmpty ? [] : [UnsharePath, "--mount", "--propagation", "private"];

    /// <summary>Shell lines (arguments taken with shift) binding each staged root, and their arguments.</summary>
    public (string Script, IEnumerable<string> Arguments) ShellSteps() =>
        (string.Concat(_staged.Select(_ => $"{MountPath} --bind \"$1\" \"$2\" || exit 125; shift 2; ")),
         _staged.SelectMany(s => new[] { s.Root, s.Staging }));

    /// <summary>Whether every directory from / down to <paramref name="path"/> lets other users through.</summary>
    private static bool ReachableByOthers(string path)
    {
        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if (OperatingSystem.IsLinux() && (dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Removes the (empty) staging directories; the binds lived only in the launches' private mount namespaces.
    /// Never recursive: if anything were mounted or written there, it stays rather than being deleted through.
    /// </summary>
    public void Dispose()
    {
        if (_directory is null)
            return;
        try
        {
            foreach (var (_, staging) in _staged)
                Directory.Delete(staging);
            Directory.Delete(_directory);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
