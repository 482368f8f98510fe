using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SynthData.Verification.Code;

/// <summary>Harness modes (see harness.py).</summary>
internal enum HarnessMode
{
    /// <summary>Program is __main__ and reads the test's stdin; its stdout is judged by the host.</summary>
    Io,

    /// <summary>Entry point called with each argument list; results come back type-tagged and are judged by the host.</summary>
    Calls,

    /// <summary>Trusted assert-based test code runs in the harness against proxies of the program's functions.</summary>
    Tests,
}

/// <summary>The bytes written to the harness's stdin (length-prefixed fields) and, apart, the program's own stdin.</summary>
internal sealed class HarnessJob
{
    private const int OpenFiles = 256;

    private HarnessJob(string nonce, byte[] bytes, byte[] stdin)
    {
        Nonce = nonce;
        Bytes = bytes;
        Stdin = stdin;
    }

    /// <summary>Per-run random token the harness prefixes to every verdict line.</summary>
    public string Nonce { get; }

    /// <summary>The job for the trusted harness (it never reaches the program's process whole).</summary>
    public byte[] Bytes { get; }

    /// <summary>The program's own stdin (io mode), fed to the program's process directly.</summary>
    public byte[] Stdin { get; }

    public static HarnessJob Create(
        CodeVerifierOptions options, TimeSpan wallLimit, HarnessMode mode, string program,
        string? entryPoint = null, string? data = null, string? stdin = null)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // CPU limit backs up the wall clock for programs that somehow outlive the kill (and ends busy loops early).
        var cpuSeconds = (long)System.Math.Ceiling(wallLimit.TotalSeconds) + 1;
        var limits = string.Join(' ',
            ((long)options.MemoryMb << 20).ToString(CultureInfo.InvariantCulture),
            cpuSeconds.ToString(CultureInfo.InvariantCulture),
            options.MaxProcesses.ToString(CultureInfo.InvariantCulture),
            ((long)options.MaxFileSizeMb << 20).ToString(CultureInfo.InvariantCulture),
            OpenFiles.ToString(CultureInfo.InvariantCulture),
            options.OutputLimitBytes.ToString(CultureInfo.InvariantCulture));

        var buffer = new MemoryStream();
        Field(buffer, nonce);
        Field(buffer, limits);
        Field(buffer, mode.ToString().ToLowerInvariant());
        Field(buffer, program);
        if (mode != HarnessMode.Io)
        {
            Field(buffer, entryPoint ?? string.Empty);
            Field(buffer, data ?? string.Empty);
        }
        return new HarnessJob(nonce, buffer.ToArray(), Encoding.UTF8.GetBytes(stdin ?? string.Empty));
    }

    private static void Field(MemoryStream buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        buffer.Write(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + "\n"));
        buffer.Write(bytes);
    }

    /// <summary>The first line of the trusted harness's report, written before the program is even sent to its process.</summary>
    public string StartMarker => Nonce + " START\n";
}
