namespace SynthData.Tests.Verification.Code;

/// <summary>Finds processes that belong to sandboxes: run as the sandbox uid (when we are root) or in another PID namespace.</summary>
internal static class SandboxProcesses
{
    public static IReadOnlyList<string> Alive(int sandboxUid = 65534)
    {
        var ownNamespace = Namespace("self");
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (!pid.All(char.IsAsciiDigit))
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

    private static string? Namespace(string pid)
    {
        try { return new FileInfo($"/proc/{pid}/ns/pid").LinkTarget; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
