using System.Diagnostics;

namespace SynthData.Verification.Code;

/// <summary>
/// Builds the command line that starts the harness: inside a fresh bubblewrap jail, or (mode <c>none</c>) as a
/// plain child process in a throw-away directory.
/// </summary>
internal sealed class SandboxCommand
{
    private const string HarnessMount = "/harness";
    private const string SetprivPath = "/usr/bin/setpriv";
    // -I: no environment, user site or script dir on sys.path; -S: no site import (also the biggest start-up saving);
    // -B: the runtime is mounted read-only anyway.
    private static readonly string[] InterpreterFlags = ["-I", "-S", "-B"];
    private static readonly string[] RootLinksOrDirs = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];
    private static readonly string[] WarmCapabilities = ["CAP_SYS_ADMIN", "CAP_NET_ADMIN", "CAP_SETPCAP"];

    private readonly CodeVerifierOptions _options;
    private readonly HarnessScript _harness;
    private readonly IReadOnlyList<string> _prefix;
    // The jail arguments depend only on the options and the host's layout: worked out once, not per check.
    private readonly Lazy<string[]> _freshJail;
    private readonly Lazy<string[]> _warmJail;

    private SandboxCommand(CodeVerifierOptions options, HarnessScript harness, IReadOnlyList<string> prefix)
    {
        _options = options;
        _harness = harness;
        _prefix = prefix;
        _freshJail = new(() => JailArgs(warm: false).ToArray());
        _warmJail = new(() => JailArgs(warm: true).ToArray());
    }

    /// <summary>Resolves the executables once; throws <see cref="SandboxUnavailableException"/> when the sandbox cannot work.</summary>
    public static SandboxCommand Create(CodeVerifierOptions options, HarnessScript harness)
    {
        if (!File.Exists(options.PythonPath))
            throw new SandboxUnavailableException($"python not found at '{options.PythonPath}' (verifiers.code.python_path)");
        if (options.Sandbox == SandboxMode.None)
            return new SandboxCommand(options, harness, []);

        var bwrap = ResolveOnPath(options.BubblewrapPath)
            ?? throw new SandboxUnavailableException(
                $"bubblewrap ('{options.BubblewrapPath}') is not installed: install it (apt-get install bubblewrap) " +
                "or set the code verifier's sandbox to 'none' explicitly to run programs unisolated");
        var prefix = new List<string>();
        if (Environment.IsPrivilegedProcess)
        {
            // As root, bubblewrap's outer processes would be root-owned; drop to the sandbox uid first.
            if (!File.Exists(SetprivPath))
                throw new SandboxUnavailableException($"running as root needs {SetprivPath} (util-linux) to drop privileges before bubblewrap");
            var id = options.SandboxUid.ToString(System.Globalization.CultureInfo.InvariantCulture);
            prefix.AddRange([SetprivPath, $"--reuid={id}", $"--regid={id}", "--clear-groups", "--"]);
        }
        prefix.Add(bwrap);
        return new SandboxCommand(options, harness, prefix);
    }

    /// <summary>A start description for one run; dispose it after the run to remove any scratch directory.</summary>
    public SandboxLaunch Prepare()
    {
        if (_options.Sandbox == SandboxMode.None)
        {
            var scratch = Directory.CreateTempSubdirectory("synthdata-run-").FullName;
            var plain = new ProcessStartInfo(_options.PythonPath) { WorkingDirectory = scratch };
            foreach (var a in InterpreterFlags.Append(_harness.FilePath))
                plain.ArgumentList.Add(a);
            plain.Environment.Clear();
            plain.Environment["PATH"] = "/usr/bin:/bin";
            plain.Environment["HOME"] = scratch;
            plain.Environment["LANG"] = "C.UTF-8";
            return new SandboxLaunch(plain, scratch);
        }

        return new SandboxLaunch(Jailed(warm: false, HarnessScript.FileName), null);
    }

    /// <summary>
    /// The start description of a warm sandbox (zygote.py) in a long-lived jail, or null when warm sandboxes do not
    /// apply (mode <c>none</c>).
    /// </summary>
    public ProcessStartInfo? PrepareWarm() =>
        _options.Sandbox == SandboxMode.None
            ? null
            : Jailed(warm: true, HarnessScript.ZygoteFileName,
                ((long)_options.TempSizeMb << 20).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private ProcessStartInfo Jailed(bool warm, string script, params string[] scriptArgs)
    {
        var start = new ProcessStartInfo(_prefix[0]);
        foreach (var a in _prefix.Skip(1).Concat(warm ? _warmJail.Value : _freshJail.Value).Append(_options.PythonPath).Concat(InterpreterFlags))
            start.ArgumentList.Add(a);
        start.ArgumentList.Add(HarnessMount + "/" + script);
        foreach (var a in scriptArgs)
            start.ArgumentList.Add(a);
        return start;
    }


    /// <summary>
    /// The jail. A warm jail keeps CAP_SYS_ADMIN, CAP_NET_ADMIN and CAP_SETPCAP inside its own user namespace (its
    /// zygote needs them to build per-check namespaces and then drop every capability before any untrusted code), and
    /// leaves /tmp an empty read-only mount point because each check mounts its own fresh tmpfs there.
    /// </summary>
    private IEnumerable<string> JailArgs(bool warm)
    {
        var uid = _options.SandboxUid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] core =
        [
            "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
            "--uid", uid, "--gid", uid, "--hostname", "sandbox",
            "--ro-bind", "/usr", "/usr",
        ];
        foreach (var a in core)
            yield return a;
        if (warm)
        {
            foreach (var cap in WarmCapabilities)
            {
                yield return "--cap-add";
                yield return cap;
            }
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
        var pythonRoot = PythonRootOutsideUsr(_options.PythonPath);
        if (pythonRoot is not null)
        {
            yield return "--ro-bind";
            yield return pythonRoot;
            yield return pythonRoot;
        }
        string[] tmp = warm
            ? ["--dir", "/tmp"]
            : ["--size", ((long)_options.TempSizeMb << 20).ToString(System.Globalization.CultureInfo.InvariantCulture), "--tmpfs", "/tmp"];
        foreach (var a in tmp)
            yield return a;
        string[] rest =
        [
            "--ro-bind", _harness.Directory, HarnessMount,
            "--dev", "/dev",
            "--chdir", "/tmp",
            // bubblewrap's own root is a writable tmpfs; only /tmp (and the private /dev) stay writable.
            "--remount-ro", "/",
            "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8",
        ];
        foreach (var a in rest)
            yield return a;
    }

    /// <summary>An interpreter installed outside /usr (pyenv, /opt) needs its prefix mounted too.</summary>
    private static string? PythonRootOutsideUsr(string pythonPath)
    {
        var real = new FileInfo(pythonPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(pythonPath);
        if (real.StartsWith("/usr/", StringComparison.Ordinal))
            return null;
        var bin = Path.GetDirectoryName(real)!;
        return Path.GetDirectoryName(bin) ?? bin;
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

/// <summary>One prepared run; owns the scratch directory of an unsandboxed run.</summary>
internal sealed class SandboxLaunch(ProcessStartInfo startInfo, string? scratchDirectory) : IDisposable
{
    public ProcessStartInfo StartInfo { get; } = startInfo;

    public void Dispose()
    {
        if (scratchDirectory is null)
            return;
        try { Directory.Delete(scratchDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The sandbox cannot be set up at all (missing bubblewrap or python): checks fail closed with this message.</summary>
public sealed class SandboxUnavailableException(string message) : Exception(message);
