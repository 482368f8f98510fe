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
        process.Start();
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

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
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
