using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SynthData.Problems;

namespace SynthData.Verification.Code;

/// <summary>
/// Judges Python programs in a sandbox. Data-driven tests (<see cref="Problem.FunctionTests"/>, <see cref="Problem.IoTests"/>)
/// are compared here, outside the sandbox; assert-based tests (<see cref="Problem.Tests"/>) run in the trusted half
/// of the harness against proxies of the program. Sandbox failures come back as <see cref="VerdictKinds.Error"/>
/// after retries, never as a rejection.
/// </summary>
/// <remarks>
/// <para>
/// Warm sandboxes (<see cref="CodeVerifierOptions.WarmSandboxes"/>, on by default): each parallel slot keeps one
/// bubblewrap jail (own user namespace, so slots never share RLIMIT_NPROC accounting) running <c>zygote.py</c>, which
/// has started Python and imported the common stdlib modules once. It never runs untrusted code and never sees a
/// job or a program's output. Per check it forks a throw-away supervisor that enters new mount, PID, network, IPC,
/// UTS and cgroup namespaces, mounts a fresh size-capped tmpfs on /tmp and /dev/shm, makes /dev read-only, drops
/// every capability (bounding set included), sets no_new_privs and denies the kernel keyring calls with seccomp
/// (keyrings belong to the user namespace, which the slot's checks share), and only then forks the namespace's init and the
/// usual two-process harness; it feeds the job in, collects output under the cap and kills the init (and with it
/// everything the program started) at the wall deadline. The verdict channel and nonce are the fresh path's.
/// </para>
/// <para>
/// Shared between consecutive checks of a slot, and why that is safe: the jail's read-only filesystem view (the same
/// as a fresh jail's); its user namespace and uid (a check's processes are all dead before the next check starts,
/// since the init of its PID namespace is gone); the zygote's memory image, copy-on-write and pristine (the zygote
/// itself never executes check data, so a program reading its own memory finds nothing of earlier checks), which
/// also means one str hash seed per slot. The zygote and supervisor hold CAP_SYS_ADMIN, CAP_NET_ADMIN and
/// CAP_SETPCAP inside the jail's user namespace only; they are outside the check's PID namespace (a program cannot
/// name them to signal or ptrace them), undumpable, and none of their descriptors reach the program. A zygote
/// that dies or breaks the protocol is discarded and replaced; if none can be started, every check runs in a fresh
/// jail (<see cref="SandboxMode.Bubblewrap"/> without warm sandboxes, the reference implementation).
/// </para>
/// </remarks>
public sealed class CodeVerifier : IVerifier, IDisposable
{
    private readonly CodeVerifierOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly HarnessScript _harness;
    private readonly Lazy<SandboxedChecks> _checks;

    public CodeVerifier(CodeVerifierOptions options, ILogger<CodeVerifier>? logger = null)
    {
        options.Validate();
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _slots = new SemaphoreSlim(options.MaxParallelChecks);
        _harness = HarnessScript.WriteToTemp();
        _checks = new Lazy<SandboxedChecks>(() =>
        {
            var cgroup = options.Sandbox == SandboxMode.None || !options.MemoryCgroup ? null : MemoryCgroup.TryDetect(out var why);
            var command = SandboxCommand.Create(options, _harness, cgroup);
            if (options.Sandbox != SandboxMode.None && cgroup is null)
            {
                _logger.LogInformation("Code sandbox memory: {How}: a check's processes together are held to {Mb} MB",
                    command.MemoryLimitDescription, options.MemoryMb);
            }
            var warm = options.WarmSandboxes && options.Sandbox != SandboxMode.None ? new WarmSandboxPool(command, _logger) : null;
            return new SandboxedChecks(command, options, warm);
        });
        if (options.Sandbox == SandboxMode.None)
        {
            _logger.LogWarning(
                "CODE VERIFIER SANDBOX IS OFF (sandbox: none): untrusted model programs run as ordinary processes of this user, " +
                "with only resource limits. Use this only on a disposable machine.");
        }
    }

    public string Name => "code-sandbox";
    // 2: tests see module-level data and in-place argument changes. 3: program exceptions fail their test case, tests see
    // only the names they use and never a program's builtin shadow, the program is __main__, one memory cgroup per check;
    // partial-credit scores, every case run. 4: one memory limit per check without a cgroup too (host-side watchdog),
    // System V IPC denied.
    public string Version => "4";
    public ProblemDomain Domain => ProblemDomain.Code;

    public CodeVerifierOptions Options => _options;

    public async ValueTask<Verdict> VerifyAsync(Problem problem, string responseContent, CancellationToken cancellationToken)
    {
        var program = ProgramExtractor.Extract(responseContent);
        if (program is null)
            return MakeVerdict(new CheckOutcome(VerdictKinds.NoCode, "no fenced python code block in the answer"), null, 0);
        return await CheckProgramAsync(problem, program, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs an already extracted program against the problem's tests.</summary>
    public async Task<Verdict> CheckProgramAsync(Problem problem, string program, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        CheckOutcome outcome;
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            outcome = await CheckWithRetriesAsync(problem, program, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
        return MakeVerdict(outcome, program, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Runs a known-good program once; throws <see cref="SandboxUnavailableException"/> with the reason when the
    /// sandbox does not work here. Call at start-up to fail early instead of on every attempt.
    /// </summary>
    public async Task EnsureSandboxWorksAsync(CancellationToken cancellationToken)
    {
        var probe = new Problem
        {
            Id = "sandbox-probe", Domain = ProblemDomain.Code, Prompt = string.Empty,
            Tests = "assert add(2, 3) == 5", Source = ProblemOrigin.Dataset("sandbox-probe", 1),
        };
        var verdict = await CheckProgramAsync(probe, "def add(a, b):\n    return a + b\n", cancellationToken).ConfigureAwait(false);
        if (!verdict.Accepted)
            throw new SandboxUnavailableException($"the code sandbox does not work: {verdict.Reason}");
    }

    private async Task<CheckOutcome> CheckWithRetriesAsync(Problem problem, string program, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await CheckOnceAsync(problem, program, cancellationToken).ConfigureAwait(false);
            if (outcome.Kind != VerdictKinds.Error || attempt >= _options.SandboxRetries)
                return outcome;
            _logger.LogWarning("Sandbox error on problem {ProblemId} (attempt {Attempt}): {Reason}", problem.Id, attempt + 1, outcome.Reason);
            await Task.Delay(TimeSpan.FromMilliseconds(50 * (attempt + 1)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CheckOutcome> CheckOnceAsync(Problem problem, string program, CancellationToken cancellationToken)
    {
        SandboxedChecks checks;
        try
        {
            checks = _checks.Value;
        }
        catch (SandboxUnavailableException e)
        {
            return CheckOutcome.Error(e.Message);
        }

        var wall = WallLimit(problem);
        try
        {
            if (problem.FunctionTests is { Count: > 0 } functionTests)
            {
                return string.IsNullOrWhiteSpace(problem.EntryPoint)
                    ? CheckOutcome.Error("problem has function tests but no entry_point")
                    : await checks.FunctionTestsAsync(program, problem.EntryPoint, functionTests, wall, cancellationToken).ConfigureAwait(false);
            }
            if (problem.IoTests is { Count: > 0 } ioTests)
                return await checks.IoTestsAsync(program, ioTests, FloatTolerance(problem), wall, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(problem.Tests))
                return await checks.AssertTestsAsync(program, problem.Tests, problem.EntryPoint, wall, cancellationToken).ConfigureAwait(false);
            return CheckOutcome.Error("problem has no tests (tests, function_tests or io_tests)");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return CheckOutcome.Error($"could not start the sandbox process: {e.Message}");
        }
    }

    /// <summary>The configured wall limit, or the problem's own <c>metadata.timeout_s</c>.</summary>
    private TimeSpan WallLimit(Problem problem) =>
        TimeSpan.FromSeconds(TryReadTimeout(problem.Metadata?["timeout_s"], out var seconds) ? seconds : _options.TimeoutSeconds);

    /// <summary>The problem's own <c>metadata.float_tolerance</c>, else the configured one (null: stdout compares as text).</summary>
    private double? FloatTolerance(Problem problem) =>
        TryReadFloatTolerance(problem.Metadata?["float_tolerance"], out var tolerance) ? tolerance : _options.FloatTolerance;

    /// <summary>A per-problem float tolerance: a JSON number in 0..1.</summary>
    internal static bool TryReadFloatTolerance(JsonNode? node, out double tolerance) =>
        TryReadNumber(node, out tolerance) && tolerance is >= 0 and <= 1;

    /// <summary>A per-problem wall limit: a JSON number of seconds in 0.1..600.</summary>
    internal static bool TryReadTimeout(JsonNode? node, out double seconds) =>
        TryReadNumber(node, out seconds) && seconds is >= 0.1 and <= 600;

    private static bool TryReadNumber(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private Verdict MakeVerdict(CheckOutcome outcome, string? program, double durationMs)
    {
        var details = new JsonObject { ["sandbox"] = _options.Sandbox == SandboxMode.None ? "none" : "bubblewrap" };
        if (outcome.CasesPassed is { } passed && outcome.CasesTotal is { } total)
        {
            details["cases_passed"] = passed;
            details["cases_total"] = total;
        }
        return new Verdict
        {
            Accepted = outcome.Kind == VerdictKinds.Passed,
            Kind = outcome.Kind,
            Reason = outcome.Reason,
            Extracted = program,
            Verifier = Name,
            VerifierVersion = Version,
            DurationMs = durationMs,
            Details = details,
            Score = outcome.Score(),
        };
    }

    /// <summary>Host process ids of the idle warm sandboxes (alive between checks by design, unlike anything a check starts).</summary>
    internal IReadOnlyList<int> WarmSandboxProcessIds() => _checks.IsValueCreated ? _checks.Value.WarmProcessIds() : [];

    public void Dispose()
    {
        if (_checks.IsValueCreated)
            _checks.Value.Dispose();
        _slots.Dispose();
        _harness.Dispose();
    }
}
