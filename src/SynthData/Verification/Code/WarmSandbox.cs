using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SynthData.Verification.Code;

/// <summary>
/// One sandbox process: a bubblewrap jail running <c>zygote.py</c>, which builds freshly isolated processes for each
/// check (see zygote.py). A warm sandbox serves one check at a time for as long as it lives; a fresh one
/// (<see cref="RunOnceAsync"/>) serves exactly one. The supervisor inside enforces the wall limit and the output cap;
/// the host only steps in (killing the whole jail) when the zygote itself stops answering. Any protocol failure
/// throws <see cref="WarmSandboxException"/> and the owner discards this sandbox.
/// </summary>
internal sealed class WarmSandbox : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SupervisorSlack = TimeSpan.FromSeconds(5);
    private const int StderrTailBytes = 2000;

    private readonly Process _process;
    private readonly SandboxLaunch _launch;
    private readonly Stream _control;
    private readonly BufferedStream _results;
    private readonly StringBuilder _stderrTail = new();
    private int _disposed;

    private WarmSandbox(Process process, SandboxLaunch launch)
    {
        _process = process;
        _launch = launch;
        _control = process.StandardInput.BaseStream;
        _results = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        _ = KeepStderrTailAsync(process.StandardError);
    }

    /// <summary>Starts the jail and waits until the zygote has warmed up and passed its isolation self-test.</summary>
    public static async Task<WarmSandbox> StartAsync(SandboxLaunch launch, CancellationToken cancellationToken)
    {
        var start = launch.StartInfo;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        try
        {
            await ProcessSpawner.StartAsync(process).ConfigureAwait(false);
        }
        catch
        {
            process.Dispose();
            launch.Dispose();
            throw;
        }
        var sandbox = new WarmSandbox(process, launch);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(StartLimit);
            using var killOnTimeout = limit.Token.Register(sandbox.Kill);
            var line = await sandbox.ReadHeaderAsync(limit.Token).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (line != "READY")
                throw new WarmSandboxException("the warm sandbox did not start: " + line);
            return sandbox;
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }
    }

    /// <summary>The host process ids of this jail's outer bubblewrap, its namespace init and the zygote.</summary>
    public IReadOnlyList<int> ProcessIds()
    {
        try
        {
            var ids = new List<int> { _process.Id };
            foreach (var init in SandboxProcessRunner.ChildrenOf(_process.Id))
                ids.AddRange(SandboxProcessRunner.ChildrenOf(init).Prepend(init));
            return ids;
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>A fresh jail for exactly one check.</summary>
    public static async Task<SandboxRun> RunOnceAsync(SandboxLaunch launch, HarnessJob job, TimeSpan wallLimit, int outputLimitBytes, CancellationToken cancellationToken)
    {
        using var sandbox = await StartAsync(launch, cancellationToken).ConfigureAwait(false);
        return await sandbox.RunAsync(job, wallLimit, outputLimitBytes, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SandboxRun> RunAsync(HarnessJob job, TimeSpan wallLimit, int outputLimitBytes, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var oomBefore = _launch.Cgroup?.OomKills() ?? 0;
        using var watch = _launch.WatchdogLimitBytes is { } limit ? TreeMemoryWatchdog.Start(_process.Id, limit) : null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wallLimit + SupervisorSlack);
        // Killing the jail breaks any pending pipe read or write, which a cancelled token alone may not.
        using var killOnDeadline = deadline.Token.Register(Kill);
        try
        {
            var wallMs = (long)System.Math.Ceiling(wallLimit.TotalMilliseconds);
            var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{wallMs} {outputLimitBytes} {job.Bytes.Length} {job.Stdin.Length}\n"));
            await _control.WriteAsync(header, deadline.Token).ConfigureAwait(false);
            await _control.WriteAsync(job.Bytes, deadline.Token).ConfigureAwait(false);
            await _control.WriteAsync(job.Stdin, deadline.Token).ConfigureAwait(false);
            await _control.FlushAsync(deadline.Token).ConfigureAwait(false);

            var fields = (await ReadHeaderAsync(deadline.Token).ConfigureAwait(false)).Split(' ');
            if (fields is not ["R", var code, var timedOut, var over, var reportLength, var stdoutLength, var stderrLength])
                throw new WarmSandboxException("unexpected result frame: " + string.Join(' ', fields));
            var report = await ReadBytesAsync(reportLength, deadline.Token).ConfigureAwait(false);
            var stdout = await ReadBytesAsync(stdoutLength, deadline.Token).ConfigureAwait(false);
            var stderr = await ReadBytesAsync(stderrLength, deadline.Token).ConfigureAwait(false);
            return new SandboxRun(
                code == "x" ? null : int.Parse(code, CultureInfo.InvariantCulture), report, stdout, stderr,
                timedOut == "1", over == "1", clock.Elapsed,
                MemoryLimitHit: (_launch.Cgroup?.OomKills() ?? 0) > oomBefore || watch?.Fired == true);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or FormatException or OverflowException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new WarmSandboxException(deadline.IsCancellationRequested
                ? $"the warm sandbox did not answer within {(wallLimit + SupervisorSlack).TotalSeconds:0.#} s"
                : $"the warm sandbox broke: {e.Message} {StderrTail()}");
        }
    }

    /// <summary>Reads one ASCII header line; an "E" frame (zygote-side failure) is turned into an exception.</summary>
    private async Task<string> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await _results.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
                throw new WarmSandboxException("the warm sandbox exited: " + StderrTail());
            if (one[0] == '\n')
                break;
            if (line.Length > 200)
                throw new WarmSandboxException("the warm sandbox wrote an overlong frame header");
            line.Append((char)one[0]);
        }
        var text = line.ToString();
        if (text.StartsWith("E ", StringComparison.Ordinal))
            throw new WarmSandboxException(Encoding.UTF8.GetString(await ReadBytesAsync(text[2..], cancellationToken).ConfigureAwait(false)));
        return text;
    }

    private async Task<byte[]> ReadBytesAsync(string length, CancellationToken cancellationToken)
    {
        var bytes = new byte[int.Parse(length, NumberStyles.None, CultureInfo.InvariantCulture)];
        await _results.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        return bytes;
    }

    private async Task KeepStderrTailAsync(StreamReader stderr)
    {
        try
        {
            while (await stderr.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_stderrTail)
                {
                    _stderrTail.AppendLine(line);
                    if (_stderrTail.Length > StderrTailBytes)
                        _stderrTail.Remove(0, _stderrTail.Length - StderrTailBytes);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }

    private string StderrTail()
    {
        lock (_stderrTail)
            return _stderrTail.ToString().Trim();
    }

    private void Kill() => SandboxProcessRunner.KillTree(_process);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        Kill();
        try { _process.WaitForExit(TimeSpan.FromSeconds(2)); } catch (InvalidOperationException) { }
        _process.Dispose();
        _launch.Dispose();
    }
}

/// <summary>A sandbox failed to start (the check then runs in a fresh jail) or broke during a check (never a pass).</summary>
internal sealed class WarmSandboxException(string message) : Exception(message);
