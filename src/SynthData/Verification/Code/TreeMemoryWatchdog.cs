using System.Globalization;

namespace SynthData.Verification.Code;

/// <summary>
/// The host-side memory limit of a check where no memory cgroup can be made: one trusted thread samples the memory of
/// every process in each watched check's program PID namespace (the check's init and everything under it) and kills
/// that init, and with it the whole namespace, as soon as their sum passes the limit.
/// <para>
/// Which processes: every descendant of the sandbox's outer bubblewrap process that sits two PID namespaces below it
/// (bubblewrap's jail is one level, each check's program namespace the next). Orphans are re-parented to the
/// namespace's init (or to a subreaper inside it), so the namespace's processes are always under that init; a
/// process forked during a walk is missed by that sample only.
/// </para>
/// <para>
/// What is counted: resident anonymous and shared-memory pages and swapped-out pages (/proc/PID/status RssAnon +
/// RssShmem + VmSwap; O(1) kernel counters that a program cannot slow down). That sum counts copy-on-write pages
/// shared after fork once per process, so when it is over the limit the proportional set sizes
/// (smaps_rollup Pss_Anon + Pss_Shmem + SwapPss, each shared page split between the processes that map it) decide,
/// so a multiprocessing pool is not rejected for memory it shares. Unreadable figures count as over (fail closed).
/// </para>
/// <para>
/// Samples are 5-15 ms apart (random, so a program cannot time itself between them; it has no /proc and no clock of
/// ours anyway): a check can pass its limit only by what it allocates within one interval, and RLIMIT_AS per
/// process x RLIMIT_NPROC stays the hard ceiling (bench/README.md, "Without a memory cgroup").
/// </para>
/// </summary>
internal static class TreeMemoryWatchdog
{
    private const int MinIntervalMs = 5;
    private const int MaxIntervalMs = 15;
    private static readonly object Gate = new();
    private static readonly List<Watch> Watches = [];
    private static Thread? _thread;

    /// <summary>Starts watching the check served by the sandbox whose outer process is <paramref name="sandboxPid"/>.</summary>
    public static Watch Start(int sandboxPid, long limitBytes)
    {
        var watch = new Watch(sandboxPid, limitBytes);
        lock (Gate)
        {
            Watches.Add(watch);
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "sandbox-memory-watchdog", Priority = ThreadPriority.AboveNormal };
                _thread.Start();
            }
            Monitor.PulseAll(Gate);
        }
        return watch;
    }

    private static void Run()
    {
        var random = new Random();
        while (true)
        {
            Watch[] current;
            lock (Gate)
            {
                while (Watches.Count == 0)
                    Monitor.Wait(Gate);
                current = Watches.ToArray();
            }
            foreach (var watch in current)
                watch.Sample();
            Thread.Sleep(random.Next(MinIntervalMs, MaxIntervalMs + 1));
        }
    }

    private static void Stop(Watch watch)
    {
        lock (Gate)
            Watches.Remove(watch);
    }

    /// <summary>One check under watch; dispose when the check's result is in.</summary>
    internal sealed class Watch(int sandboxPid, long limitBytes) : IDisposable
    {
        private readonly int _sandboxDepth = Sampling.NamespaceDepth(sandboxPid) ?? -1;
        private volatile bool _fired;

        /// <summary>The check's processes together passed the limit and were killed.</summary>
        public bool Fired => _fired;

        /// <summary>The largest sum seen (bytes), for the verdict's reason and tests.</summary>
        public long PeakBytes { get; private set; }

        internal void Sample()
        {
            if (_sandboxDepth < 0)
                return; // the sandbox already exited: nothing of it can hold memory
            var tree = Sampling.ProgramNamespaces(sandboxPid, _sandboxDepth + 2);
            if (tree.Processes.Count == 0)
                return;
            var total = Saturating(tree.Processes.Select(Sampling.ResidentBytes));
            if (total > limitBytes)
                total = Saturating(tree.Processes.Select(Sampling.ProportionalBytes));
            PeakBytes = System.Math.Max(PeakBytes, total);
            if (total <= limitBytes && !_fired)
                return;
            _fired = true;
            foreach (var init in tree.Inits)
                Sampling.Kill(init);
        }

        public void Dispose() => Stop(this);

        /// <summary>The sum, with an unreadable figure (null) counting as more than any limit.</summary>
        private static long Saturating(IEnumerable<long?> values)
        {
            long total = 0;
            foreach (var v in values)
            {
                if (v is not { } bytes || bytes > long.MaxValue - total)
                    return long.MaxValue;
                total += bytes;
            }
            return total;
        }
    }

    /// <summary>Reads /proc; every read tolerates the process having exited meanwhile.</summary>
    private static class Sampling
    {
        public sealed record Tree(List<ProcessRef> Processes, List<ProcessRef> Inits);

        public readonly record struct ProcessRef(int Pid, long StartTime);

        /// <summary>Processes at <paramref name="depth"/> namespaces or deeper under <paramref name="root"/>, and their inits.</summary>
        public static Tree ProgramNamespaces(int root, int depth)
        {
            var processes = new List<ProcessRef>();
            var inits = new List<ProcessRef>();
            var pending = new Stack<int>();
            pending.Push(root);
            var seen = new HashSet<int>();
            while (pending.Count > 0)
            {
                var pid = pending.Pop();
                if (!seen.Add(pid))
                    continue;
                if (NsPids(pid) is { } ns && ns.Length >= depth && StartTime(pid) is { } start)
                {
                    processes.Add(new ProcessRef(pid, start));
                    // The first process of its own namespace (PID 1 there) two levels down is the check's init.
                    if (ns.Length == depth && ns[^1] == 1)
                        inits.Add(new ProcessRef(pid, start));
                }
                foreach (var child in Children(pid))
                    pending.Push(child);
            }
            return new Tree(processes, inits);
        }

        public static int? NamespaceDepth(int pid) => NsPids(pid)?.Length;

        /// <summary>RssAnon + RssShmem + VmSwap from /proc/PID/status; null when unreadable.</summary>
        public static long? ResidentBytes(ProcessRef p) =>
            Sum(ReadLines($"/proc/{p.Pid}/status"), p, "RssAnon:", "RssShmem:", "VmSwap:");

        /// <summary>Pss_Anon + Pss_Shmem + SwapPss from /proc/PID/smaps_rollup; null when unreadable.</summary>
        public static long? ProportionalBytes(ProcessRef p)
        {
            var lines = ReadLines($"/proc/{p.Pid}/smaps_rollup");
            // A zombie or exiting process has no address space left: no smaps_rollup, and no Rss lines in status.
            if (lines is null || lines.Length == 0)
                return ResidentBytes(p) == 0 ? 0 : null;
            return Sum(lines, p, "Pss_Anon:", "Pss_Shmem:", "SwapPss:");
        }

        /// <summary>
        /// The three fields in bytes; 0 for a process that is gone or whose pid now names another process, or that
        /// has no address space (none of the fields); null (fail closed) when the file could not be read otherwise.
        /// </summary>
        private static long? Sum(string[]? lines, ProcessRef p, params string[] fields)
        {
            if (StartTime(p.Pid) != p.StartTime)
                return 0;
            if (lines is null)
                return Directory.Exists($"/proc/{p.Pid}") ? null : 0;
            long total = 0;
            var found = 0;
            foreach (var line in lines)
            {
                if (fields.Any(f => line.StartsWith(f, StringComparison.Ordinal)))
                {
                    if (Kilobytes(line) is not { } kb)
                        return null;
                    total += kb;
                    found++;
                }
            }
            return found == 0 ? 0 : found == fields.Length ? total << 10 : null;
        }

        /// <summary>SIGKILL to a check's init, unless its pid now names another process.</summary>
        public static void Kill(ProcessRef p)
        {
            if (StartTime(p.Pid) != p.StartTime)
                return;
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(p.Pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Exited meanwhile.
            }
        }

        private static int[]? NsPids(int pid)
        {
            var lines = ReadLines($"/proc/{pid}/status");
            var line = lines?.FirstOrDefault(l => l.StartsWith("NSpid:", StringComparison.Ordinal));
            if (line is null)
                return null;
            var fields = line[6..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            var result = new int[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                if (!int.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out result[i]))
                    return null;
            }
            return result;
        }

        /// <summary>Field 22 of /proc/PID/stat (after the parenthesised name, which may itself hold spaces).</summary>
        private static long? StartTime(int pid)
        {
            string text;
            try
            {
                text = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            var close = text.LastIndexOf(')');
            if (close < 0)
                return null;
            var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // fields[0] is field 3 (state), so field 22 is fields[19].
            return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null;
        }

        /// <summary>Children of every thread of <paramref name="pid"/> (a child belongs to the thread that forked it).</summary>
        private static List<int> Children(int pid)
        {
            var children = new List<int>();
            IEnumerable<string> tasks;
            try
            {
                tasks = Directory.GetDirectories($"/proc/{pid}/task");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return children;
            }
            foreach (var task in tasks)
            {
                string text;
                try
                {
                    text = File.ReadAllText(Path.Combine(task, "children"));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                foreach (var field in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
                        children.Add(child);
                }
            }
            return children;
        }

        private static string[]? ReadLines(string path)
        {
            try
            {
                return File.ReadAllLines(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>"Name:   123 kB" as 123; null when not a count the kernel could report.</summary>
        private static long? Kilobytes(string line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var value = line[(colon + 1)..].Trim();
            if (value.EndsWith(" kB", StringComparison.Ordinal))
                value = value[..^3].TrimEnd();
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) && kb < (1L << 40) ? kb : null;
        }
    }
}
