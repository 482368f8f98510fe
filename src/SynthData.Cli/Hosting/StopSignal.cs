using System.Runtime.InteropServices;

namespace SynthData.Cli.Hosting;

/// <summary>Waits for Ctrl-C, SIGTERM or the token: how the long-running servers (simulator, reward) are stopped.</summary>
public static class StopSignal
{
    public static async Task WaitAsync(CancellationToken ct)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = ct.Register(() => stop.TrySetResult());
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.TrySetResult(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
            await stop.Task.ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
