using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SynthData.Verification.Code;

/// <summary>
/// One warm sandbox: a long-lived bubblewrap jail running <c>zygote.py</c>, which forks a freshly isolated harness
/// for each check (own PID, network, IPC, mount namespaces and /tmp, no capabilities). Serves one check at a time.
/// The supervisor inside enforces the wall limit and the output cap; the host only steps in (killing the whole jail)
/// when the zygote itself stops answering. Any protocol failure throws <see cref="WarmSandboxException"/> and the
/// owner discards this sandbox.
/// </summary>
internal sealed class WarmSandbox : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SupervisorSlack = TimeSpan.FromSeconds(5);
    private const int StderrTailBytes = 2000;

    private readonly Process _process;
    private readonly Stream _control;
    private readonly BufferedStream _results;
    private readonly StringBuilder _stderrTail = new();
    private int _disposed;

    private WarmSandbox(Process process)
    {
        _process = process;
        _control = process.StandardInput.BaseStream;
        _results = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        _ = KeepStderrTailAsync(process.StandardError);
    }

    /// <summary>Starts the jail and waits until the zygote has warmed up and passed its isolation self-test.</summary>
    public static async Task<WarmSandbox> StartAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        await ProcessSpawner.StartAsync(process).ConfigureAwait(false);
        var sandbox = new WarmSandbox(process);
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

    public async Task<SandboxRun> RunAsync(byte[] job, TimeSpan wallLimit, int outputLimitBytes, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wallLimit + SupervisorSlack);
        // Killing the jail breaks any pending pipe read or write, which a cancelled token alone may not.
        using var killOnDeadline = deadline.Token.Register(Kill);
        try
        {
            var wallMs = (long)System.Math.Ceiling(wallLimit.TotalMilliseconds);
            var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{wallMs} {outputLimitBytes} {job.Length}\n"));
            await _control.WriteAsync(header, deadline.Token).ConfigureAwait(false);
            await _control.WriteAsync(job, deadline.Token).ConfigureAwait(false);
            await _control.FlushAsync(deadline.Token).ConfigureAwait(false);

            var fields = (await ReadHeaderAsync(deadline.Token).ConfigureAwait(false)).Split(' ');
            if (fields is not ["R", var code, var timedOut, var over, var stdoutLength, var stderrLength])
                throw new WarmSandboxException("unexpected result frame: " + string.Join(' ', fields));
            var stdout = await ReadBytesAsync(stdoutLength, deadline.Token).ConfigureAwait(false);
            var stderr = await ReadBytesAsync(stderrLength, deadline.Token).ConfigureAwait(false);
            return new SandboxRun(
                code == "x" ? null : int.Parse(code, CultureInfo.InvariantCulture), stdout, stderr,
                timedOut == "1", over == "1", clock.Elapsed);
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
        _process.Dispose();
    }
}

/// <summary>A warm sandbox failed to start or broke during a check; the check then runs in a fresh sandbox.</summary>
internal sealed class WarmSandboxException(string message) : Exception(message);
