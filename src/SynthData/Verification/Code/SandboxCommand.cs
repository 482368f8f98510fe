using System.Diagnostics;
using System.Globalization;

namespace SynthData.Verification.Code;

/// <summary>
/// Builds the command line that starts <c>zygote.py</c>: inside a bubblewrap jail (a warm sandbox serving many
/// checks, or a fresh one for a single check: the same jail, the same per-check isolation and seccomp filter), or
/// (mode <c>none</c>) as a plain child process in a throw-away directory.
/// </summary>
internal sealed class SandboxCommand : IDisposable
{
    private const string HarnessMount = "/harness";
    private const string SetprivPath = "/usr/bin/setpriv";
    private const string ShellPath = "/bin/sh";
    // -I: no environment, user site or script dir on sys.path; -S: no site import (also the biggest start-up saving);
    // -B: the runtime is mounted read-only anyway.
    private static readonly string[] InterpreterFlags = ["-I", "-S", "-B"];
    private static readonly string[] RootLinksOrDirs = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];
    // Kept inside the jail's own user namespace only: the zygote builds each check's namespaces with them and every
    // process of a check drops them all before any untrusted code.
    private static readonly string[] JailCapabilities = ["CAP_SYS_ADMIN", "CAP_NET_ADMIN", "CAP_SETPCAP"];
    // Allowed on top of MemoryMb in a check's memory cgroup: bubblewrap, the zygote image, supervisor and harness
    // (~30-40 MB) plus room for the page cache of the interpreter, so a check near its limit fails fast instead of
    // thrashing the cache of its own shared libraries.
    internal const long SandboxOverheadBytes = 128L << 20;

    private readonly CodeVerifierOptions _options;
    private readonly HarnessScript _harness;
    private readonly IReadOnlyList<string> _prefix;
    private readonly PythonInstallation _python;
    private readonly MemoryCgroup? _cgroup;
    private readonly InstallationStaging _staged;
    private readonly Lazy<string[]> _jail;

    private SandboxCommand(CodeVerifierOptions options, HarnessScript harness, IReadOnlyList<string> prefix,
        PythonInstallation python, MemoryCgroup? cgroup, InstallationStaging staged)
    {
        _options = options;
        _harness = harness;
        _prefix = prefix;
        _python = python;
        _cgroup = cgroup;
        _staged = staged;
        _jail = new(() => JailArgs().ToArray());
    }

    /// <summary>How the memory of a whole check is limited here (for logs and the README's claims).</summary>
    public string MemoryLimitDescription => _cgroup?.Description
        ?? "no memory cgroup can be created: the host-side watchdog sums the check's processes' memory (RLIMIT_AS per process behind it)";

    public bool HasMemoryCgroup => _cgroup is not null;

    /// <summary>Resolves the executables once; throws <see cref="SandboxUnavailableException"/> saying what is wrong.</summary>
    public static SandboxCommand Create(CodeVerifierOptions options, HarnessScript harness, MemoryCgroup? cgroup)
    {
        var python = PythonInstallation.Probe(options.PythonPath);
        if (options.Sandbox == SandboxMode.None)
            return new SandboxCommand(options, harness, [], python, null, InstallationStaging.None);

        var bwrap = ResolveOnPath(options.BubblewrapPath)
            ?? throw new SandboxUnavailableException(
                $"bubblewrap ('{options.BubblewrapPath}') is not installed: install it (apt-get install bubblewrap) " +
                "or set verification.code.sandbox: none explicitly to run programs WITHOUT isolation");
        var prefix = new List<string>();
        var staged = InstallationStaging.None;
        if (Environment.IsPrivilegedProcess)
        {
            // As root, bubblewrap's outer processes would be root-owned; drop to the sandbox uid first.
            if (!File.Exists(SetprivPath))
                throw new SandboxUnavailableException($"running as root needs {SetprivPath} (util-linux) to drop privileges before bubblewrap");
            var id = options.SandboxUid.ToString(CultureInfo.InvariantCulture);
            prefix.AddRange([SetprivPath, $"--reuid={id}", $"--regid={id}", "--clear-groups", "--"]);
            staged = InstallationStaging.Create(options.PythonPath, python, options.SandboxUid);
        }
        else
        {
            foreach (var root in python.RootsOutsideUsr)
            {
                if (!IsReadable(root))
                    throw new SandboxUnavailableException($"the interpreter '{options.PythonPath}' (verification.code.python_path) is installed in '{root}', which this user cannot read, so the sandbox cannot show it");
            }
        }
        prefix.Add(bwrap);
        return new SandboxCommand(options, harness, prefix, python, cgroup, staged);
    }

    /// <summary>
    /// A start description of the sandbox process (<c>zygote.py</c>): a warm sandbox serving checks until its
    /// control pipe closes, or (<paramref name="once"/>) a fresh jail for one check. Dispose after the process ended.
    /// </summary>
    public SandboxLaunch Prepare(bool once)
    {
        var tmp = ((long)_options.TempSizeMb << 20).ToString(CultureInfo.InvariantCulture);
        if (_options.Sandbox == SandboxMode.None)
        {
            var scratch = Directory.CreateTempSubdirectory("synthdata-run-").FullName;
            var plain = new ProcessStartInfo(_python.Executable) { WorkingDirectory = scratch };
            foreach (var a in InterpreterFlags.Append(Path.Combine(_harness.Directory, HarnessScript.ZygoteFileName)).Concat([tmp, "--once", "--plain"]))
                plain.ArgumentList.Add(a);
            plain.Environment.Clear();
            plain.Environment["PATH"] = "/usr/bin:/bin";
            plain.Environment["HOME"] = scratch;
            plain.Environment["LANG"] = "C.UTF-8";
            return new SandboxLaunch(plain, scratch, null);
        }

        var cgroup = _cgroup?.Create(((long)_options.MemoryMb << 20) + SandboxOverheadBytes);
        var command = new List<string>();
        if (cgroup is not null || !_staged.IsEmpty)
        {
            // A shell (running as us) joins the cgroup and stages the installation directories, then becomes the
            // jail: every process of the jail is in the cgroup from its first instruction.
            var script = new System.Text.StringBuilder();
            if (cgroup is not null)
                script.Append("echo $$ > \"$1/cgroup.procs\" || exit 125; shift; ");
            var (binds, bindArguments) = _staged.ShellSteps();
            script.Append(binds);
            script.Append("exec \"$@\"");
            command.AddRange(_staged.LauncherPrefix());
            command.AddRange([ShellPath, "-c", script.ToString(), "sh"]);
            if (cgroup is not null)
                command.Add(cgroup.Directory);
            command.AddRange(bindArguments);
        }
        command.AddRange(_prefix);
        command.AddRange(_jail.Value);
        command.Add(_python.Executable);
        command.AddRange(InterpreterFlags);
        command.Add(HarnessMount + "/" + HarnessScript.ZygoteFileName);
        command.Add(tmp);
        if (once)
            command.Add("--once");
        var start = new ProcessStartInfo(command[0]);
        foreach (var a in command.Skip(1))
            start.ArgumentList.Add(a);
        // Without a cgroup the host-side watchdog holds the check's program processes together to MemoryMb.
        var watchdogLimit = cgroup is null ? (long)_options.MemoryMb << 20 : (long?)null;
        return new SandboxLaunch(start, null, cgroup, watchdogLimit);
    }

    /// <summary>
    /// The jail: own user, PID, network, IPC, UTS and cgroup namespaces, no nested user namespaces, read-only /usr,
    /// interpreter and harness, read-only root. It keeps CAP_SYS_ADMIN, CAP_NET_ADMIN and CAP_SETPCAP inside its own
    /// user namespace for the zygote; /tmp is an empty mount point for each check's own tmpfs, and /proc is there only
    /// for the supervisor, which unmounts it from the check's mount namespace.
    /// </summary>
    private IEnumerable<string> JailArgs()
    {
        var uid = _options.SandboxUid.ToString(CultureInfo.InvariantCulture);
        string[] core =
        [
            "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
            "--uid", uid, "--gid", uid, "--hostname", "sandbox",
            "--ro-bind", "/usr", "/usr",
        ];
        foreach (var a in core)
            yield return a;
        foreach (var cap in JailCapabilities)
        {
            yield return "--cap-add";
            yield return cap;
        }
        foreach (var path in RootLinksOrDirs)
        {
            // Merged-/usr systems have these as symlinks into /usr; older ones as real directories.
            var info = new DirectoryInfo(path);
            if (info.LinkTarget is { } target)
            {
                yield return "--symlink";
                yield return target;
            }
            else if (info.Exists)
            {
                yield return "--ro-bind";
                yield return path;
            }
            else
            {
                continue;
            }
            yield return path;
        }
        foreach (var root in _python.RootsOutsideUsr)
        {
            yield return "--ro-bind";
            yield return _staged.SourceOf(root);
            yield return root;
        }
        string[] rest =
        [
            "--dir", "/tmp",
            "--proc", "/proc",
            "--ro-bind", _harness.Directory, HarnessMount,
            "--dev", "/dev",
            "--chdir", "/tmp",
            // bubblewrap's own root is a writable tmpfs; each check gets its own /tmp (and /dev/shm) instead.
            "--remount-ro", "/",
            "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8",
        ];
        foreach (var a in rest)
            yield return a;
    }

    /// <summary>Removes what <see cref="Create"/> set up on the host (the staging directories).</summary>
    public void Dispose() => _staged.Dispose();

    private static bool IsReadable(string directory)
    {
        try
        {
            _ = Directory.EnumerateFileSystemEntries(directory).FirstOrDefault();
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static string? ResolveOnPath(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
            return File.Exists(name) ? name : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>
/// One prepared sandbox process; owns the scratch directory of an unsandboxed run and the memory cgroup. A jail
/// without a cgroup carries <see cref="WatchdogLimitBytes"/> instead: the limit <see cref="TreeMemoryWatchdog"/>
/// holds each check's program processes to.
/// </summary>
internal sealed class SandboxLaunch(ProcessStartInfo startInfo, string? scratchDirectory, MemoryCgroupLease? cgroup, long? watchdogLimitBytes = null) : IDisposable
{
    public ProcessStartInfo StartInfo { get; } = startInfo;

    public MemoryCgroupLease? Cgroup { get; } = cgroup;

    public long? WatchdogLimitBytes { get; } = watchdogLimitBytes;

    public void Dispose()
    {
        Cgroup?.Dispose();
        if (scratchDirectory is null)
            return;
        try { Directory.Delete(scratchDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The sandbox cannot be set up at all (missing bubblewrap or python): checks fail closed with this message.</summary>
public sealed class SandboxUnavailableException(string message) : Exception(message);
