using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SynthData.Verification.Code;

/// <summary>
/// Idle warm sandboxes, one per parallel slot at most (the verifier's slot semaphore bounds how many are taken at
/// once). A sandbox that breaks is discarded and replaced on the next check; when they cannot be started at all,
/// checks fall back to a fresh sandbox each.
/// </summary>
internal sealed class WarmSandboxPool(SandboxCommand command, ILogger logger) : IDisposable
{
    private const int MaxStartFailures = 3;

    private readonly ConcurrentBag<WarmSandbox> _idle = [];
    private int _startFailures;
    private volatile bool _disposed;

    /// <summary>The run, or null when no warm sandbox could do it (the caller then uses a fresh sandbox).</summary>
    public async Task<SandboxRun?> TryRunAsync(byte[] job, TimeSpan wallLimit, int outputLimitBytes, CancellationToken cancellationToken)
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
            logger.LogWarning("Warm sandbox discarded, the check runs in a fresh sandbox: {Reason}", e.Message);
            sandbox.Dispose();
            return null;
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
        if (_disposed || Volatile.Read(ref _startFailures) >= MaxStartFailures || command.PrepareWarm() is not { } start)
            return null;
        try
        {
            var started = await WarmSandbox.StartAsync(start, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _startFailures, 0);
            return started;
        }
        catch (Exception e) when (e is WarmSandboxException or System.ComponentModel.Win32Exception or IOException)
        {
            var failures = Interlocked.Increment(ref _startFailures);
            logger.LogWarning(
                "Could not start a warm sandbox ({Failures}/{Max}): {Reason}. {Consequence}", failures, MaxStartFailures, e.Message,
                failures >= MaxStartFailures ? "Giving up on warm sandboxes: every check starts a fresh sandbox (slower, same isolation)."
                    : "This check runs in a fresh sandbox.");
            return null;
        }
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
