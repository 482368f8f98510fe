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
        var outcome = report switch
        {
            { Malformed: true } => CheckOutcome.Failed("the harness report was malformed"),
            { EndKind: "passed" } => CheckOutcome.Passed(report.EndMessage),
            { EndKind: null } => CheckOutcome.Failed(NoVerdict(run)),
            _ => new CheckOutcome(EndKind(report.EndKind), report.EndMessage),
        };
        // The trusted harness counts top-level asserts as cases (see harness.py); a malformed report counts nothing.
        return !report.Malformed && report.CasesPassed is { } passed && report.CasesTotal is { } total
            ? outcome.WithCases(passed, total)
            : outcome;
    }

    /// <summary>
    /// Every call runs (the harness answers each one, raising or not) so the outcome counts the cases passed; a
    /// timeout, output flood or dead program ends the run, and the calls it never answered fail. The verdict's
    /// reason is the first failing case.
    /// </summary>
    public async Task<CheckOutcome> FunctionTestsAsync(string program, string entryPoint, IReadOnlyList<FunctionTest> tests, TimeSpan wall, CancellationToken ct)
    {
        var calls = "[" + string.Join(", ", tests.Select(t => PythonLiteral.FromJson(t.Args))) + "]";
        var job = HarnessJob.Create(options, wall, HarnessMode.Calls, program, entryPoint, calls);
        var run = await RunAsync(job, wall, ct).ConfigureAwait(false);
        var early = Preflight(job, run, wall);
        if (early is { Kind: VerdictKinds.Error })
            return early;
        var report = HarnessReport.Parse(run.Report, job);
        // A run cut short may end in half a line; a complete run with a foreign line is not to be trusted at all.
        if (report.Malformed && early is null)
            return CheckOutcome.Failed("the harness report was malformed").WithCases(0, tests.Count);
        var byIndex = new Dictionary<int, CallResult>();
        foreach (var c in report.Calls)
            byIndex.TryAdd(c.Index, c);
        var passed = 0;
        var unanswered = false;
        CheckOutcome? firstWrong = null;
        for (var i = 0; i < tests.Count; i++)
        {
            if (!byIndex.TryGetValue(i, out var result))
                unanswered = true;
            else if (JudgeCall(i, entryPoint, tests[i], result) is { } wrong)
                firstWrong ??= wrong;
            else
                passed++;
        }
        var ended = early ?? (report.EndKind switch
        {
            "done" => unanswered ? CheckOutcome.Failed(NoVerdict(run)) : null,
            null => CheckOutcome.Failed(NoVerdict(run)),
            _ => new CheckOutcome(EndKind(report.EndKind), report.EndMessage),
        });
        if (firstWrong is null && ended is null)
            return CheckOutcome.Passed($"all {tests.Count} tests passed").WithCases(passed, tests.Count);
        // The harness answers in order, so unanswered calls come after every answered one: a wrong answer is the
        // first failure when there is one, otherwise whatever ended the run (timeout, crash, flood).
        var outcome = firstWrong ?? ended!;
        return outcome with { Reason = $"{outcome.Reason} ({passed} of {tests.Count} tests passed)", CasesPassed = passed, CasesTotal = tests.Count };
    }

    /// <summary>Null when the call returned the expected value, else why not.</summary>
    private static CheckOutcome? JudgeCall(int i, string entryPoint, FunctionTest test, CallResult result)
    {
        var call = $"{entryPoint}({PythonLiteral.Clip(string.Join(", ", test.Args.Select(PythonLiteral.FromJson)))})";
        if (result.Raised is not null)
            return CheckOutcome.Failed($"test {i}: {call} raised {PythonLiteral.Clip(result.Raised)}");
        if (SafeMatches(test.Expected, result.Tagged))
            return null;
        return CheckOutcome.Failed(
            $"test {i}: {call} returned {PythonLiteral.Clip(PythonLiteral.FromTagged(result.Tagged))}, " +
            $"expected {PythonLiteral.Clip(PythonLiteral.FromJson(test.Expected))}");
    }

    /// <summary>
    /// One fresh sandbox per case, every case run so the outcome counts the cases passed. A timeout ends the check
    /// (the remaining cases fail unrun: a program that hangs once would otherwise cost one wall limit per case).
    /// The verdict's kind and reason are the first failing case's.
    /// </summary>
    public async Task<CheckOutcome> IoTestsAsync(string program, IReadOnlyList<IoTest> tests, double? floatTolerance, TimeSpan wall, CancellationToken ct)
    {
        var passed = 0;
        CheckOutcome? first = null;
        for (var i = 0; i < tests.Count; i++)
        {
            var failure = await IoCaseAsync(i, program, tests[i], floatTolerance, wall, ct).ConfigureAwait(false);
            if (failure is { Kind: VerdictKinds.Error })
                return failure;
            if (failure is null)
                passed++;
            else
                first ??= failure;
            if (failure is { Kind: VerdictKinds.Timeout })
                break;
        }
        return first is null
            ? CheckOutcome.Passed($"all {tests.Count} stdin/stdout tests passed").WithCases(passed, tests.Count)
            : first with { Reason = $"{first.Reason} ({passed} of {tests.Count} tests passed)", CasesPassed = passed, CasesTotal = tests.Count };
    }

    /// <summary>Null when case <paramref name="i"/> passed, else why not.</summary>
    private async Task<CheckOutcome?> IoCaseAsync(int i, string program, IoTest test, double? floatTolerance, TimeSpan wall, CancellationToken ct)
    {
        var job = HarnessJob.Create(options, wall, HarnessMode.Io, program, stdin: test.Stdin);
        var run = await RunAsync(job, wall, ct).ConfigureAwait(false);
        if (Preflight(job, run, wall) is { } early)
            return early with { Reason = $"test {i}: {early.Reason}" };
        var stderr = Encoding.UTF8.GetString(run.Stderr);
        if (run.ExitCode == MemoryExitCode && stderr.EndsWith("MemoryError\n", StringComparison.Ordinal))
            return new CheckOutcome(VerdictKinds.Memory, $"test {i}: the program ran out of memory ({options.MemoryMb} MB)");
        if (run.ExitCode != 0)
            return CheckOutcome.Failed($"test {i}: the program exited with status {run.ExitCode}: {Tail(stderr)}");
        var stdout = Encoding.UTF8.GetString(run.Stdout);
        var line = StdoutComparer.FirstDifference(test.ExpectedStdout, stdout, floatTolerance);
        if (line == 0)
            return null;
        var expected = StdoutComparer.Normalize(test.ExpectedStdout);
        var actual = StdoutComparer.Normalize(stdout);
        return CheckOutcome.Failed($"test {i}: stdout differs at line {line}: got {Quote(actual, line)}, expected {Quote(expected, line)}");
    }

    /// <summary>Host process ids of the idle warm sandboxes.</summary>
    public IReadOnlyList<int> WarmProcessIds() => warm?.IdleProcessIds() ?? [];

    public void Dispose()
    {
        warm?.Dispose();
        command.Dispose();
    }

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
