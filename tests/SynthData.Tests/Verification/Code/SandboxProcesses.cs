namespace SynthData.Tests.Verification.Code;

/// <summary>Finds processes that belong to sandboxes: run as the sandbox uid (when we are root) or in another PID namespace.</summary>
internal static class SandboxProcesses
{
    /// <summary>
    /// The uid of the verifiers whose tests look for leftovers. Tests outside the sandbox collection (reward server,
    /// pipelines) run checks at the same time under the default uid 65534; as root a leftover check counts only
    /// processes of this uid, so it sees only its own collection's checks, which never run concurrently.
    /// </summary>
    public const int Uid = 64999;

    public static IReadOnlyList<string> Alive(int sandboxUid = Uid)
    {
        var ownNamespace = Namespace("self");
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (!pid.All(char.IsAsciiDigit) || IsWarmSandboxHost(pid))
                continue;
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                var uid = status.FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
                var name = status[0];
                // Zombies hold no resources; this container's init does not reap orphans, so they may linger.
                if (status.Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal)))
                    continue;
                var foreign = Environment.IsPrivilegedProcess
                    ? uid == sandboxUid.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : Namespace(pid) is { } ns && ns != ownNamespace;
                if (foreign)
                    found.Add($"{pid} {name}");
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    /// <summary>Polls until no sandbox process is left (teardown is asynchronous) or the grace period ends.</summary>
    public static async Task<IReadOnlyList<string>> AfterGraceAsync(TimeSpan grace)
    {
        var until = DateTime.UtcNow + grace;
        while (true)
        {
            var alive = Alive();
            if (alive.Count == 0 || DateTime.UtcNow > until)
                return alive;
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// An idle warm sandbox's jail (bubblewrap and its init) or zygote: alive between checks by design, and never
    /// running untrusted code. Everything a check starts descends from a zygote, so it is a Python process whose
    /// parent is not bubblewrap, or runs another program.
    /// </summary>
    public static bool IsWarmSandboxHost(string pid)
    {
        var args = CommandLine(pid);
        if (!args.Contains("/harness/zygote.py"))
            return false;
        if (IsJail(args))
            return true;
        var parent = File.ReadAllLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal))?[5..].Trim();
        return parent is not null && IsJail(CommandLine(parent));
    }

    private static bool IsJail(string[] args) => args.Length > 0 && Path.GetFileName(args[0]) is "bwrap" or "setpriv";

    private static string[] CommandLine(string pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries); }
        catch (IOException) { return []; }
    }

    private static string? Namespace(string pid)
    {
        try { return new FileInfo($"/proc/{pid}/ns/pid").LinkTarget; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
