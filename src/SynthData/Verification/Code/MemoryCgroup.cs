using System.Globalization;

namespace SynthData.Verification.Code;

/// <summary>
/// One memory limit for all processes of a check (memfd and tmpfs pages included: the kernel charges them to the
/// cgroup that touched them): a child of this process's own memory cgroup per check (fresh jail) or per warm slot
/// (one check at a time), cgroup v2 <c>memory.max</c> or v1 <c>memory.limit_in_bytes</c>, whichever the host
/// delegates. <see cref="TryDetect"/> returns null where neither can be created (no root, no delegation); the
/// per-process fallback (RLIMIT_AS, RLIMIT_NPROC, tmpfs sizes, memfd denied by seccomp) then stands alone.
/// </summary>
internal sealed class MemoryCgroup
{
    private static int _counter;
    private readonly string _parent;
    private readonly bool _v2;

    private MemoryCgroup(string parent, bool v2)
    {
        _parent = parent;
        _v2 = v2;
    }

    public string Description => (_v2 ? "cgroup v2 memory.max under " : "cgroup v1 memory.limit_in_bytes under ") + _parent;

    /// <summary>The usable memory cgroup parent, or null with the reason it is not usable.</summary>
    public static MemoryCgroup? TryDetect(out string reason)
    {
        reason = "no memory cgroup in /proc/self/cgroup";
        string[] lines;
        try
        {
            lines = File.ReadAllLines("/proc/self/cgroup");
        }
        catch (IOException e)
        {
            reason = e.Message;
            return null;
        }
        foreach (var line in lines)
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
                continue;
            var path = parts[2].TrimStart('/');
            if (parts[0] == "0" && parts[1].Length == 0)
            {
                foreach (var root in new[] { "/sys/fs/cgroup", "/sys/fs/cgroup/unified" })
                {
                    if (Probe(Path.Combine(root, path), v2: true, ref reason) is { } found)
                        return found;
                }
            }
            else if (parts[1].Split(',').Contains("memory"))
            {
                if (Probe(Path.Combine("/sys/fs/cgroup/memory", path), v2: false, ref reason) is { } found)
                    return found;
            }
        }
        return null;
    }

    private static MemoryCgroup? Probe(string parent, bool v2, ref string reason)
    {
        var limitFile = v2 ? "memory.max" : "memory.limit_in_bytes";
        if (!Directory.Exists(parent))
            return null;
        var candidate = new MemoryCgroup(parent, v2);
        try
        {
            using var lease = candidate.Create(64L << 20);
            return candidate;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason = $"cannot create a child cgroup with {limitFile} under {parent}: {e.Message}";
            return null;
        }
    }

    /// <summary>A new child cgroup limited to <paramref name="limitBytes"/> (swap included, where it is counted).</summary>
    public MemoryCgroupLease Create(long limitBytes)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"synthdata-{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}");
        var dir = Path.Combine(_parent, name);
        Directory.CreateDirectory(dir);
        var lease = new MemoryCgroupLease(dir, _v2);
        try
        {
            var limit = limitBytes.ToString(CultureInfo.InvariantCulture);
            if (_v2)
            {
                File.WriteAllText(Path.Combine(dir, "memory.max"), limit);
                TryWrite(Path.Combine(dir, "memory.swap.max"), "0");
            }
            else
            {
                File.WriteAllText(Path.Combine(dir, "memory.limit_in_bytes"), limit);
                TryWrite(Path.Combine(dir, "memory.memsw.limit_in_bytes"), limit);
            }
            return lease;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private static void TryWrite(string path, string value)
    {
        if (!File.Exists(path))
            return;
        try { File.WriteAllText(path, value); } catch (IOException) { }
    }
}

/// <summary>One check's (or warm slot's) memory cgroup; removed on dispose once its processes are gone.</summary>
internal sealed class MemoryCgroupLease(string directory, bool v2) : IDisposable
{
    public string Directory { get; } = directory;

    /// <summary>How many processes the kernel's OOM killer has killed in this cgroup so far.</summary>
    public long OomKills()
    {
        try
        {
            foreach (var line in File.ReadLines(Path.Combine(Directory, v2 ? "memory.events" : "memory.oom_control")))
            {
                if (line.StartsWith("oom_kill ", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(9), CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    public void Dispose()
    {
        // The jail's last processes may still be exiting: rmdir fails with EBUSY until they are gone.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                System.IO.Directory.Delete(Directory);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(20);
            }
        }
    }
}
