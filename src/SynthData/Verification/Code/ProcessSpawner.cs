using System.Collections.Concurrent;
using System.Diagnostics;

namespace SynthData.Verification.Code;

/// <summary>
/// Starts sandbox processes from one long-lived thread. bubblewrap's <c>--die-with-parent</c> uses
/// PR_SET_PDEATHSIG, which fires when the parent THREAD that forked it exits, not the process; a process started
/// from a thread-pool thread is killed whenever the pool retires that thread (seen as random exit code 137).
/// </summary>
internal static class ProcessSpawner
{
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Queue = new();

    static ProcessSpawner()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "sandbox-spawner" };
        thread.Start();
    }

    public static Task StartAsync(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((process, started));
        return started.Task;
    }

    private static void Run()
    {
        foreach (var (process, started) in Queue.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
