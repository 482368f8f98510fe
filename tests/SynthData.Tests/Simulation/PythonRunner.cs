using System.Diagnostics;

namespace SynthData.Tests.Simulation;

/// <summary>Runs a Python program for real, to check the simulator's programs do what they claim.</summary>
internal static class PythonRunner
{
    /// <summary>True when the program (followed by <paramref name="tests"/>) runs to completion with exit code 0.</summary>
    public static bool Passes(string program, string tests)
    {
        var start = new ProcessStartInfo("python3", ["-I", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(program + "\n\n" + tests + "\n");
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
        return process.ExitCode == 0;
    }
}
