using System.Diagnostics;
using SynthData.Cli;

namespace SynthData.Tests.TestSupport;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the <c>synthdata</c> CLI, in-process (fast) or as a real child process (signals, stdin).</summary>
public static class Cli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The CLI's own assembly, copied next to the tests by the project reference.</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "synthdata.dll");

    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, null, args);

    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.Environment["CI"] = "true"; // plain log lines, no live progress display
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
            psi.Environment[k] = v;
        psi.ArgumentList.Add(DllPath);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    public static Task<CliResult> RunProcessAsync(string workingDirectory, string? stdin, params string[] args) =>
        RunProcessAsync(workingDirectory, stdin, null, args);

    public static async Task<CliResult> RunProcessAsync(string workingDirectory, string? stdin, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var p = Start(workingDirectory, environment, args);
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
            await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(timeout.Token);
        return new CliResult(p.ExitCode, await output, await error);
    }
}
