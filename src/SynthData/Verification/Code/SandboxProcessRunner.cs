using System.Diagnostics;

namespace SynthData.Verification.Code;

/// <summary>
/// Runs one sandbox process tree: feeds stdin, drains stdout and stderr concurrently under a shared byte cap
/// (a program that floods output is killed, never blocked on a full pipe), and kills the whole tree at the wall
/// deadline. The caller's cancellation also kills the tree.
/// </summary>
internal static class SandboxProcessRunner
{
    // After the main process exits, a namespace teardown closes the pipes within milliseconds; in `none` mode an
    // escaped daemon could hold them forever, so stop waiting after this.
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(1);

    public static async Task<SandboxRun> RunAsync(
        ProcessStartInfo start, byte[] stdin, TimeSpan wallLimit, int outputLimitBytes, CancellationToken cancellationToken)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        using var process = new Process { StartInfo = start };
        var clock = Stopwatch.StartNew();
        await ProcessSpawner.StartAsync(process).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wallLimit);

        var budget = new OutputBudget(outputLimitBytes);
        var stdout = DrainAsync(process.StandardOutput.BaseStream, budget, () => KillTree(process));
        var stderr = DrainAsync(process.StandardError.BaseStream, budget, () => KillTree(process));
        var feed = FeedAsync(process.StandardInput.BaseStream, stdin);

        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed;
        var drained = Task.WhenAll(stdout, stderr, feed);
        if (await Task.WhenAny(drained, Task.Delay(DrainGrace, CancellationToken.None)).ConfigureAwait(false) != drained)
            KillTree(process);

        return new SandboxRun(
            timedOut ? null : process.ExitCode,
            stdout.IsCompletedSuccessfully ? stdout.Result : [],
            stderr.IsCompletedSuccessfully ? stderr.Result : [],
            timedOut,
            budget.Exceeded,
            elapsed);
    }

    private static async Task FeedAsync(Stream input, byte[] data)
    {
        try
        {
            await input.WriteAsync(data).ConfigureAwait(false);
            await input.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The program stopped reading (exited or closed stdin): what it did not read does not matter.
        }
        finally
        {
            try { input.Dispose(); } catch (IOException) { }
        }
    }

    private static async Task<byte[]> DrainAsync(Stream stream, OutputBudget budget, Action onExceeded)
    {
        var kept = new MemoryStream();
        var buffer = new byte[16384];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                var allowed = budget.Take(n);
                kept.Write(buffer, 0, allowed);
                if (allowed < n)
                {
                    onExceeded();
                    break;
                }
            }
        }
        catch (IOException)
        {
        }
        return kept.ToArray();
    }

    /// <summary>
    /// Kills the sandbox. bubblewrap's outer process has one child, the init of the sandbox's PID namespace; when
    /// that init dies the kernel kills every process in the namespace, and the outer process reaps it and exits.
    /// Killing the outer process first would orphan the init (and rely on a parent-death signal that a fork bomb's
    /// tree has been seen to survive), so the init goes first and the whole tree is the fallback.
    /// </summary>
    internal static void KillTree(Process process)
    {
        try
        {
            foreach (var child in ChildrenOf(process.Id))
            {
                using var init = Process.GetProcessById(child);
                init.Kill();
            }
            if (!process.WaitForExit(TimeSpan.FromMilliseconds(500)))
                process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.ComponentModel.Win32Exception or AggregateException)
        {
            // Already exited, or exited while we looked.
        }
    }

    internal static IEnumerable<int> ChildrenOf(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/task/{pid}/children");
        }
        catch (IOException)
        {
            return [];
        }
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    private sealed class OutputBudget(int limit)
    {
        private int _used;

        public bool Exceeded => Volatile.Read(ref _used) > limit;

        /// <summary>How many of <paramref name="count"/> new bytes fit; the rest is over the limit.</summary>
        public int Take(int count)
        {
            var after = Interlocked.Add(ref _used, count);
            var before = after - count;
            return System.Math.Clamp(limit - before, 0, count);
        }
    }
}
