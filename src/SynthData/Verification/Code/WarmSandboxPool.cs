using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SynthData.Verification.Code;

/// <summary>
/// Idle warm sandboxes, one per parallel slot at most (the verifier's slot semaphore bounds how many are taken at
/// once). A sandbox that breaks during a check is discarded and replaced on the next check; that check is judged
/// on what happened (a failure, never a pass) and never re-run elsewhere, and it does not count against warm
/// sandboxes: only failures to start do, and after <see cref="MaxFailures"/> of them in a row every check uses a
/// fresh jail.
/// </summary>
internal sealed class WarmSandboxPool(SandboxCommand command, ILogger logger) : IDisposable
{
    private const int MaxFailures = 3;

    private readonly ConcurrentBag<WarmSandbox> _idle = [];
    private int _failures;
    private int _brokenDuringCheck;

    /// <summary>Warm sandboxes that broke during a check so far (each such check was judged a failure).</summary>
    public int BrokenDuringCheck => Volatile.Read(ref _brokenDuringCheck);
    private volatile bool _disposed;

    /// <summary>The run, or null when no warm sandbox could do it (the caller then uses a fresh sandbox).</summary>
    public async Task<SandboxRun?> TryRunAsync(HarnessJob job, TimeSpan wallLimit, int outputLimitBytes, CancellationToken cancellationToken)
    {
        var sandbox = await TakeAsync(cancellationToken).ConfigureAwait(false);
        if (sandbox is null)
            return null;
        try
        {
            var run = await sandbox.RunAsync(job, wallLimit, outputLimitBytes, cancellationToken).ConfigureAwait(false);
            Return(sandbox);
            return run;
        }
        catch (WarmSandboxException e)
        {
            sandbox.Dispose();
            Interlocked.Increment(ref _brokenDuringCheck);
            logger.LogWarning("Warm sandbox broke during a check and was discarded (the check fails): {Reason}", e.Message);
            return new SandboxRun(null, [], [], [], false, false, TimeSpan.Zero, SandboxFailure: e.Message);
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }
    }

    /// <summary>Host process ids of the idle warm sandboxes (tests tell them apart from leftovers of checks).</summary>
    public IReadOnlyList<int> IdleProcessIds() => _idle.ToArray().SelectMany(s => s.ProcessIds()).ToList();

    private async Task<WarmSandbox?> TakeAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var idle))
            return idle;
        if (_disposed || Volatile.Read(ref _failures) >= MaxFailures)
            return null;
        try
        {
            var sandbox = await WarmSandbox.StartAsync(command.Prepare(once: false), cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _failures, 0);
            return sandbox;
        }
        catch (Exception e) when (e is WarmSandboxException or System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            Failed("Could not start a warm sandbox", e.Message);
            return null;
        }
    }

    private void Failed(string what, string reason)
    {
        var failures = Interlocked.Increment(ref _failures);
        logger.LogWarning("{What} ({Failures}/{Max} in a row): {Reason}. {Consequence}", what, failures, MaxFailures, reason,
            failures >= MaxFailures
                ? "Giving up on warm sandboxes: every check now starts a fresh sandbox (slower, same isolation)."
                : "This check runs in a fresh sandbox.");
    }

    private void Return(WarmSandbox sandbox)
    {
        _idle.Add(sandbox);
        if (_disposed)
            DisposeIdle();
    }

    private void DisposeIdle()
    {
        while (_idle.TryTake(out var sandbox))
            sandbox.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        DisposeIdle();
    }
}
