using System.Text;
using SynthData.Problems;

namespace SynthData.Verification.Code;

/// <summary>
/// Runs a program against each kind of test in the sandbox and turns what came back into a <see cref="CheckOutcome"/>.
/// Pass is only ever concluded from the trusted harness's report (asserts) or from a comparison made here
/// (function results, stdout); never from an exit status or from text the program could print.
/// </summary>
internal sealed class SandboxedChecks(SandboxCommand command, CodeVerifierOptions options, WarmSandboxPool? warm) : IDisposable
{
    private const int MemoryExitCode = 86;

    public async Task<CheckOutcome> AssertTestsAsync(string program, string tests, string? entryPoint, TimeSpan wall, CancellationToken ct)
    {
        var job = HarnessJob.Create(options, wall, HarnessMode.Tests, program, entryPoint, tests);
        var run = await RunAsync(job, wall, ct).ConfigureAwait(false);
        if (Preflight(job, run, wall) is { } early)
            return early;
        var report = HarnessReport.Parse(run.Report, job);
        return report switch
        {
            { Malformed: true } => CheckOutcome.Failed("the harness report was malformed"),
            { EndKind: "passed" } => CheckOutcome.Passed(report.EndMessage),
            { EndKind: null } => CheckOutcome.Failed(NoVerdict(run)),
            _ => new CheckOutcome(EndKind(report.EndKind), report.EndMessage),
        };
    }

    public async Task<CheckOutcome> FunctionTestsAsync(string program, string entryPoint, IReadOnlyList<FunctionTest> tests, TimeSpan wall, CancellationToken ct)
    {
        var calls = "[" + string.Join(", ", tests.Select(t => PythonLiteral.FromJson(t.Args))) + "]";
        var job = HarnessJob.Create(options, wall, HarnessMode.Calls, program, entryPoint, calls);
        var run = await RunAsync(job, wall, ct).ConfigureAwait(false);
        if (Preflight(job, run, wall) is { } early)
            return early;
        var report = HarnessReport.Parse(run.Report, job);
        if (report.Malformed)
            return CheckOutcome.Failed("the harness report was malformed");
        var byIndex = report.Calls.GroupBy(c => c.Index).ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < tests.Count; i++)
        {
            var call = $"{entryPoint}({PythonLiteral.Clip(string.Join(", ", tests[i].Args.Select(PythonLiteral.FromJson)))})";
            if (!byIndex.TryGetValue(i, out var result))
            {
                return report.EndKind is null
                    ? CheckOutcome.Failed($"test {i}: {call}: {NoVerdict(run)}")
                    : new CheckOutcome(EndKind(report.EndKind), report.EndMessage);
            }
            if (result.Raised is not null)
                return CheckOutcome.Failed($"test {i}: {call} raised {PythonLiteral.Clip(result.Raised)}");
            if (!SafeMatches(tests[i].Expected, result.Tagged))
            {
                return CheckOutcome.Failed(
                    $"test {i}: {call} returned {PythonLiteral.Clip(PythonLiteral.FromTagged(result.Tagged))}, " +
                    $"expected {PythonLiteral.Clip(PythonLiteral.FromJson(tests[i].Expected))}");
            }
        }
        return report.EndKind == "done"
            ? CheckOutcome.Passed($"all {tests.Count} tests passed")
            : report.EndKind is null ? CheckOutcome.Failed(NoVerdict(run)) : new CheckOutcome(EndKind(report.EndKind), report.EndMessage);
    }

    public async Task<CheckOutcome> IoTestsAsync(string program, IReadOnlyList<IoTest> tests, TimeSpan wall, CancellationToken ct)
    {
        // One fresh sandbox per case: nothing a run leaves behind can reach the next one.
        for (var i = 0; i < tests.Count; i++)
        {
            var job = HarnessJob.Create(options, wall, HarnessMode.Io, program, stdin: tests[i].Stdin);
            var run = await RunAsync(job, wall, ct).ConfigureAwait(false);
            if (Preflight(job, run, wall) is { } early)
                return early with { Reason = $"test {i}: {early.Reason}" };
            var stderr = Encoding.UTF8.GetString(run.Stderr);
            if (run.ExitCode == MemoryExitCode && stderr.EndsWith("MemoryError\n", StringComparison.Ordinal))
                return new CheckOutcome(VerdictKinds.Memory, $"test {i}: the program ran out of memory ({options.MemoryMb} MB)");
            if (run.ExitCode != 0)
                return CheckOutcome.Failed($"test {i}: the program exited with status {run.ExitCode}: {Tail(stderr)}");
            var stdout = Encoding.UTF8.GetString(run.Stdout);
            var line = StdoutComparer.FirstDifference(tests[i].ExpectedStdout, stdout);
            if (line != 0)
            {
                var expected = StdoutComparer.Normalize(tests[i].ExpectedStdout);
                var actual = StdoutComparer.Normalize(stdout);
                return CheckOutcome.Failed(
                    $"test {i}: stdout differs at line {line}: got {Quote(actual, line)}, expected {Quote(expected, line)}");
            }
        }
        return CheckOutcome.Passed($"all {tests.Count} stdin/stdout tests passed");
    }

    /// <summary>Host process ids of the idle warm sandboxes.</summary>
    public IReadOnlyList<int> WarmProcessIds() => warm?.IdleProcessIds() ?? [];

    public void Dispose() => warm?.Dispose();

    /// <summary>In a warm sandbox when one is available, else in a fresh jail (the same isolation, one check).</summary>
    private async Task<SandboxRun> RunAsync(HarnessJob job, TimeSpan wall, CancellationToken ct)
    {
        if (warm is not null && await warm.TryRunAsync(job, wall, options.OutputLimitBytes, ct).ConfigureAwait(false) is { } run)
            return run;
        try
        {
            return await WarmSandbox.RunOnceAsync(command.Prepare(once: true), job, wall, options.OutputLimitBytes, ct).ConfigureAwait(false);
        }
        catch (WarmSandboxException e)
        {
            return new SandboxRun(null, [], [], [], false, false, TimeSpan.Zero, SandboxFailure: e.Message);
        }
    }

    /// <summary>Outcomes decided before looking at results: sandbox never started, output flood, timeout.</summary>
    private CheckOutcome? Preflight(HarnessJob job, SandboxRun run, TimeSpan wall)
    {
        if (run.SandboxFailure is { } failure)
        {
            // A started check whose sandbox broke is judged, never re-run: its program may be what broke it.
            return run.Report.Length > 0 || failure.Contains("did not answer", StringComparison.Ordinal)
                ? CheckOutcome.Failed($"the sandbox broke during the check: {failure}")
                : CheckOutcome.Error($"sandbox failed to start: {failure}");
        }
        // The marker is written by the trusted harness before the program is sent, so a program cannot fake "sandbox failed".
        if (!StartsWith(run.Report, job.StartMarker))
        {
            var why = run.TimedOut ? $"no start within {wall.TotalSeconds:0.#} s" : $"exit code {run.ExitCode}";
            return CheckOutcome.Error($"sandbox failed to start ({why}): {Tail(Encoding.UTF8.GetString(run.Stderr))}");
        }
        if (run.MemoryLimitHit)
            return new CheckOutcome(VerdictKinds.Memory, $"the check's processes together used more than its memory limit ({options.MemoryMb} MB)");
        if (run.OutputLimitExceeded)
            return new CheckOutcome(VerdictKinds.OutputLimit, $"the program wrote more than {options.OutputLimitBytes} bytes");
        if (run.TimedOut)
            return new CheckOutcome(VerdictKinds.Timeout, $"the program did not finish within {wall.TotalSeconds:0.###} s");
        return null;
    }

    private static string EndKind(string kind) => kind switch
    {
        "memory" => VerdictKinds.Memory,
        "output_limit" => VerdictKinds.OutputLimit,
        "timeout" => VerdictKinds.Timeout,
        _ => VerdictKinds.Failed,
    };

    private static bool SafeMatches(System.Text.Json.Nodes.JsonNode? expected, System.Text.Json.Nodes.JsonNode? tagged)
    {
        try
        {
            return TypedResultComparer.Matches(expected, tagged);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static string NoVerdict(SandboxRun run) =>
        $"the run ended without a verdict (harness exit code {run.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})";

    private static bool StartsWith(byte[] data, string marker)
    {
        var m = Encoding.ASCII.GetBytes(marker);
        return data.AsSpan().StartsWith(m);
    }

    private static string Tail(string text)
    {
        text = text.Trim();
        return text.Length <= 400 ? text : "..." + text[^400..];
    }

    private static string Quote(List<string> lines, int line) =>
        line <= lines.Count ? "\"" + PythonLiteral.Clip(lines[line - 1], 120) + "\"" : "end of output";
}
