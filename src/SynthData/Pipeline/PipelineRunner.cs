using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Polly;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Ledger.Store;
using SynthData.Problems;
using SynthData.Sampling;
using SynthData.Verification;

namespace SynthData.Pipeline;

/// <summary>
/// One batch: sources → ledger → sampler workers → verifier workers → ledger writer, connected by bounded channels so
/// memory stays flat. Each stage has its own parallelism (requests are I/O-bound, verification CPU-bound).
/// </summary>
public sealed class PipelineRunner(
    PipelineOptions options,
    ResiliencePipeline resilience,
    IReadOnlyDictionary<ProblemDomain, IVerifier> verifiers,
    ILogger logger)
{
    /// <summary>One request: <paramref name="Size"/> choices from index <paramref name="Start"/>, of which <paramref name="Missing"/> are wanted.</summary>
    private sealed record SampleJob(Problem Problem, int Start, int Size, IReadOnlyList<int> Missing)
    {
        public WorkKey Key(string fingerprint) => new(Problem.Id, Start, Start + Size, fingerprint);
    }
    private sealed record VerifyJob(Problem Problem, AttemptRecord Attempt, bool Reverify);

    private IModelClient _client = null!;
    private string _fingerprint = RunLedger.LegacyFingerprint;
    private int _requests;
    private int _inFlight;
    private int _toRequest;
    private int _consecutiveFailures;
    private RunBudget _budget = null!;
    private RequestThrottle _throttle = null!;
    private WorkLeases _leases = null!;
    private Adaptive.WaveProducer? _waves;

    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>
    /// Called once the run knows which domains it will verify, before any request: lets the host check that the verifiers
    /// can work (the code sandbox starts) and fail the run early and clearly instead of sample by sample.
    /// </summary>
    public Func<IReadOnlySet<ProblemDomain>, CancellationToken, Task>? BeforeSampling { get; init; }

    /// <summary>
    /// Connects to the model once the batch knows its problems (given as a stream from the ledger; the simulated
    /// model learns them, a real endpoint ignores them).
    /// </summary>
    public required Func<IEnumerable<Problem>, CancellationToken, Task<IModelClient>> Connect { get; init; }

    /// <summary>
    /// Runs the batch. Cancelling <paramref name="stopToken"/> stops new requests; in-flight ones get the configured
    /// grace period, then are abandoned (they are not recorded, so the next run asks for them again).
    /// </summary>
    public async Task<RunSummary> RunAsync(RunLedger ledger, string command, CancellationToken stopToken)
    {
        var clock = Stopwatch.StartNew();
        var summary = new RunSummary();
        _budget = new RunBudget(options.Run.Budget, options.Model);
        await using var throttle = _throttle = new RequestThrottle(options.Model);
        var runId = ledger.StartRun(command, ConfigHash());
        _leases = new WorkLeases(ledger, runId, options.Run.LeaseSeconds);
        using var hardStop = new CancellationTokenSource();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        await using var graceTimer = stopToken.Register(() =>
            hardStop.CancelAfter(TimeSpan.FromSeconds(options.Run.ShutdownGraceSeconds)));
        string? abortReason = null;
        string? budgetReason = null;
        var endpointRejected = false;

        try
        {
            // Stopped while deciding what to do: nothing was taken (the intake is one transaction), the run is interrupted.
            if (await PlanAsync(ledger, runId, summary, stopToken).ConfigureAwait(false) is not { } plan)
                return summary;
            var (keys, k, toRequest, reverify, _) = plan;
            if (plan.Batch is { } batch)
                _budget = new RunBudget(options.Run.Budget, options.Model, new SharedBudget(ledger, batch));
            await using var heartbeat = Heartbeat(reason =>
            {
                abortReason ??= reason;
                logger.LogError("stopping the run: {Reason}", reason);
                abort.Cancel();
            });
            var barrier = new Adaptive.WaveBarrier();
            if (options.Model.Adaptive.Enabled)
                _waves = new Adaptive.WaveProducer(options, ledger, keys, _fingerprint, barrier);

            var sampleChannel = Channel.CreateBounded<SampleJob>(options.Model.Concurrency * 2);
            var verifyChannel = Channel.CreateBounded<VerifyJob>(VerifyConcurrency * 4);
            var writeChannel = Channel.CreateBounded<WriteItem>(1024);

            var producer = Task.Run(async () =>
            {
                try
                {
                    if (_waves is not null)
                    {
                        await _waves.RunAsync((problem, start, size, wanted) =>
                            ClaimWaveAsync(new SampleJob(problem, start, size, wanted), barrier, sampleChannel.Writer, abort.Token), abort.Token).ConfigureAwait(false);
                        return;
                    }

                    await ProduceAsync(ledger, keys, k, toRequest, sampleChannel.Writer, abort.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: remaining samples stay unrequested for the next run.
                }
                finally
                {
                    sampleChannel.Writer.Complete();
                }
            }, CancellationToken.None);

            var samplers = Enumerable.Range(0, options.Model.Concurrency).Select(_ => Task.Run(async () =>
            {
                await foreach (var job in sampleChannel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    if (abort.IsCancellationRequested)
                        continue; // drain without requesting
                    var stop = await SampleAsync(job, runId, writeChannel.Writer, verifyChannel.Writer, hardStop.Token).ConfigureAwait(false);
                    if (stop is null || abort.IsCancellationRequested)
                        continue;
                    if (stop.EndpointRejected)
                    {
                        abortReason ??= stop.Reason;
                        endpointRejected = true;
                        logger.LogError("stopping the run: {Reason}", stop.Reason);
                    }
                    else if (stop.Budget)
                    {
                        budgetReason = stop.Reason;
                        logger.LogWarning("stopping the run: {Reason}; a later run continues", stop.Reason);
                    }
                    else
                    {
                        abortReason = stop.Reason;
                        logger.LogError("stopping the run: {Reason}", stop.Reason);
                    }

                    await abort.CancelAsync().ConfigureAwait(false);
                }
            }, CancellationToken.None)).ToArray();

            var reverifier = Task.Run(async () =>
            {
                foreach (var a in reverify)
                    await verifyChannel.Writer.WriteAsync(new VerifyJob(a.Problem, a.Attempt, Reverify: true), CancellationToken.None).ConfigureAwait(false);
            }, CancellationToken.None);

            var verifierTasks = Enumerable.Range(0, VerifyConcurrency).Select(_ => Task.Run(async () =>
            {
                await foreach (var job in verifyChannel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    var verdict = await AttemptVerifier.VerifyAsync(job.Problem, job.Attempt, verifiers, logger, hardStop.Token).ConfigureAwait(false);
                    await writeChannel.Writer.WriteAsync(new WriteItem(null, new VerdictRecord(job.Attempt.ProblemId, job.Attempt.SampleIndex, verdict, job.Attempt.Fingerprint), null, job.Reverify, job.Problem.Domain.ToWire()), CancellationToken.None).ConfigureAwait(false);
                }
            }, CancellationToken.None)).ToArray();

            if (_waves is not null)
                barrier.Add(reverify.Count);
            var writer = Task.Run(() => new LedgerWriter(ledger, summary, Progress, toRequest,
                () => new SamplerCounters(Volatile.Read(ref _requests), Volatile.Read(ref _inFlight), _budget.CostUsd),
                options.Model.HasPrices(), reason =>
            {
                abortReason ??= reason;
                logger.LogError("stopping the run: {Reason}", reason);
                abort.Cancel();
            }, _leases) { Settled = barrier.Settle }.RunAsync(writeChannel.Reader), CancellationToken.None);

            await producer.ConfigureAwait(false);
            await Task.WhenAll(samplers).ConfigureAwait(false);
            await reverifier.ConfigureAwait(false);
            verifyChannel.Writer.Complete();
            await Task.WhenAll(verifierTasks).ConfigureAwait(false);
            writeChannel.Writer.Complete();
            await writer.ConfigureAwait(false);
        }
        catch (EndpointCheckException e)
        {
            // The pre-flight check's verdict (with the server's own message) is kept in the run's record, not only printed.
            abortReason = e.Message;
            endpointRejected = true;
            throw;
        }
        finally
        {
            summary.Requests = _requests;
            summary.Interrupted = stopToken.IsCancellationRequested;
            summary.AbortedReason = abortReason;
            summary.BudgetReached = budgetReason;
            summary.EndpointRejected = endpointRejected;
            summary.LowestConcurrency = throttle.Concurrency.LowestLimit == int.MaxValue ? null : throttle.Concurrency.LowestLimit;
            summary.CostUsd = Math.Round(_budget.CostUsd, 6);
            summary.ElapsedSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
            Adaptive.RunFigures.Fill(summary, options, ledger, runId, _fingerprint, _waves, logger);
            ledger.FinishRun(runId, summary.Interrupted ? "interrupted" : summary.Complete ? "complete" : "incomplete",
                JsonSerializer.Serialize(summary));
        }

        return summary;
    }

    /// <summary>What a batch does; <paramref name="Batch"/> is the shared batch it works on (shared ledgers only).</summary>
    private sealed record Plan(List<string> Keys, int SamplesPerProblem, int ToRequest, List<LedgerAttempt> Reverify, long? Batch);

    /// <summary>
    /// Feeds the samplers. Every group of samples is claimed before it is queued (always granted on a single-machine
    /// ledger, which then makes exactly one pass). On a shared ledger, groups other live workers hold are skipped and
    /// looked at again after a pause, until none is left: then either every sample is answered, or what is left is
    /// this run's own work in flight or given up on (which the next run asks for again).
    /// </summary>
    private async Task ProduceAsync(RunLedger ledger, List<string> keys, int k, int toRequest, ChannelWriter<SampleJob> jobs, CancellationToken ct)
    {
        if (toRequest == 0)
            return;
        var taken = new HashSet<WorkKey>();
        while (true)
        {
            var heldByOthers = false;
            // Streamed from the ledger: problems are held only while their samples wait in the channel.
            foreach (var item in ledger.ReadPending(keys, _fingerprint, k))
            {
                var missing = item.MissingSamples.ToHashSet();
                foreach (var (start, size) in SamplingPlan.Groups(options.Model))
                {
                    var wanted = Enumerable.Range(start, size).Where(missing.Contains).ToList();
                    if (wanted.Count == 0)
                        continue;
                    var job = new SampleJob(item.Problem, start, size, wanted);
                    var key = job.Key(_fingerprint);
                    if (taken.Contains(key))
                        continue;
                    if (!_leases.TryClaim(key))
                    {
                        heldByOthers = true;
                        continue;
                    }

                    taken.Add(key);
                    wanted = _leases.StillMissing(key, wanted);
                    if (wanted.Count == 0)
                    {
                        _leases.Release([key]);
                        continue;
                    }

                    await jobs.WriteAsync(job with { Missing = wanted }, ct).ConfigureAwait(false);
                }
            }

            if (!_leases.Shared || !heldByOthers)
                return;
            // Other workers hold the rest: wait for them to answer it, or for a dead one's lease to run out.
            await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(_leases.LeaseSeconds / 4, 0.5, 5)), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Queues one adaptive wave's group once it is claimed. A group another worker holds, or that it answered
    /// meanwhile, is settled at once: its results reach the ledger through that worker (the next round reads them), and
    /// this run does not ask for it again (a dead holder's samples are left for the next run).
    /// </summary>
    private async ValueTask ClaimWaveAsync(SampleJob job, Adaptive.WaveBarrier barrier, ChannelWriter<SampleJob> jobs, CancellationToken ct)
    {
        var key = job.Key(_fingerprint);
        var claimed = _leases.TryClaim(key);
        var wanted = claimed ? _leases.StillMissing(key, job.Missing) : [];
        if (wanted.Count < job.Missing.Count)
        {
            barrier.Settle(job.Missing.Count - wanted.Count);
            _waves!.Failed(job.Problem.Id, job.Missing.Except(wanted));
        }
        if (wanted.Count == 0)
        {
            if (claimed)
                _leases.Release([key]);
            return;
        }
        await jobs.WriteAsync(job with { Missing = wanted }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps this worker's leases alive on a shared ledger. A worker that cannot reach the ledger for most of a lease
    /// period stops (its leases may be taken over, and its late answers would be discarded anyway).
    /// </summary>
    private IAsyncDisposable Heartbeat(Action<string> stop)
    {
        var cts = new CancellationTokenSource();
        if (!_leases.Shared)
            return new HeartbeatHandle(cts, Task.CompletedTask);
        var every = TimeSpan.FromSeconds(_leases.LeaseSeconds / 4);
        var task = Task.Run(async () =>
        {
            var lastBeat = Stopwatch.StartNew();
            while (!cts.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(every, cts.Token).ConfigureAwait(false);
                    _leases.Heartbeat();
                    lastBeat.Restart();
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception e) when (LedgerStore.IsUnavailable(e))
                {
                    logger.LogWarning("ledger heartbeat failed: {Message}", e.Message);
                    if (lastBeat.Elapsed.TotalSeconds > _leases.LeaseSeconds * 2 / 3)
                    {
                        stop($"lost the ledger {_leases.LeaseSeconds * 2 / 3:0.#} s ago ({e.Message}); other workers take over this worker's leases");
                        return;
                    }
                }
            }
        }, CancellationToken.None);
        return new HeartbeatHandle(cts, task);
    }

    private sealed class HeartbeatHandle(CancellationTokenSource cts, Task task) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await cts.CancelAsync().ConfigureAwait(false);
            await task.ConfigureAwait(false);
            cts.Dispose();
        }
    }

    /// <summary>
    /// Settings check, new problems for this batch, what is left to request, verifiers ready, model connected. Null when
    /// the run was stopped meanwhile.
    /// </summary>
    private async Task<Plan?> PlanAsync(RunLedger ledger, long runId, RunSummary summary, CancellationToken stopToken)
    {
        try
        {
            var sources = ProblemSourceFactory.CreateConfigured(options);
            var keys = sources.Select(s => s.Key).ToList();
            var k = options.Model.SamplesPerProblem;
            PendingCounts pending;
            long? batch = null;
            // One worker at a time decides its batch, so a tick's new problems are registered once across workers.
            using (_leases.LockRegistration())
            {
                _fingerprint = Settings.SettingsResolver.ForRun(ledger, options, runId, logger);
                pending = ledger.CountPending(keys, _fingerprint, k);
                var (batchId, joined) = _leases.JoinOrStartBatch($"{Environment.MachineName}:{Environment.ProcessId}");
                if (_leases.Shared)
                    batch = batchId;
                // Batches (a cap or per_batch sources) finish what a killed batch took before taking anything new, so a
                // resumed batch draws exactly the problems the uninterrupted one would have.
                var batched = options.Run.MaxProblems is not null || options.Sources.Any(s => s.PerBatch is not null);
                if (joined)
                    logger.LogInformation("joining batch {Batch} of the workers already on this ledger: {Pending} problems with samples left", batchId, pending.PendingProblems);
                else if (batched && Unfinished(ledger, keys, pending) is > 0 and var unfinished)
                    logger.LogInformation("resuming the unfinished batch: {Pending} problems with samples left; the next batch takes new problems", unfinished);
                else
                {
                    new BatchIntake(options, ledger, runId, logger).Take(sources, summary, stopToken);
                    pending = ledger.CountPending(keys, _fingerprint, k);
                }
            }

            summary.Problems = pending.Problems;
            summary.SamplesAlreadyDone = pending.SamplesDone;
            summary.SamplesWanted = pending.Problems * k;
            var toRequest = _toRequest = pending.SamplesToRequest;
            var reverify = ledger.AttemptsNeedingVerdict(verifiers.ToDictionary(kv => kv.Key, kv => (kv.Value.Name, kv.Value.Version)));
            if (BeforeSampling is not null)
                await BeforeSampling(ledger.PendingDomains(keys, _fingerprint, k).Concat(reverify.Select(a => a.Problem.Domain)).ToHashSet(), stopToken).ConfigureAwait(false);
            _client = await Connect(toRequest == 0 ? [] : ledger.ReadPending(keys, _fingerprint, k).Select(p => p.Problem), stopToken).ConfigureAwait(false);
            logger.LogInformation("{Problems} problems ({New} new), {Todo} samples to request, {Done} already in the ledger, {Reverify} to (re)verify",
                summary.Problems, summary.NewProblems, toRequest, summary.SamplesAlreadyDone, reverify.Count);
            return new Plan(keys, k, toRequest, reverify, batch);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Problems with samples left; under adaptive budgets a problem decided early keeps fewer than K samples for good, so only open ones count.</summary>
    private int Unfinished(RunLedger ledger, List<string> keys, PendingCounts pending) =>
        pending.PendingProblems > 0 && options.Model.Adaptive.Enabled
            ? new Adaptive.AdaptiveScheduler(options, ledger, keys, _fingerprint).CountOpen()
            : pending.PendingProblems;

    private int VerifyConcurrency => options.Run.VerifyConcurrency > 0 ? options.Run.VerifyConcurrency : Environment.ProcessorCount;

    private sealed record StopSignal(string Reason, bool Budget, bool EndpointRejected = false);

    /// <summary>Requests one group of samples (one request). Returns why the whole run must stop, or null.</summary>
    private async Task<StopSignal?> SampleAsync(SampleJob job, long runId, ChannelWriter<WriteItem> writes, ChannelWriter<VerifyJob> verifies, CancellationToken hardStop)
    {
        var request = SamplingPlan.Request(job.Problem, job.Start, options, job.Size);
        var tries = 0;
        try
        {
            if (_budget.ExhaustedReason() is { } spent)
                return new StopSignal(spent, Budget: true);
            using var slot = await _throttle.AcquireSlotAsync(hardStop).ConfigureAwait(false);
            var choices = await resilience.ExecuteAsync(async ct =>
            {
                _budget.ReserveRequest();
                await _throttle.WaitForRateAsync(ct).ConfigureAwait(false);
                Interlocked.Increment(ref tries);
                Interlocked.Increment(ref _requests);
                Interlocked.Increment(ref _inFlight);
                try
                {
                    var all = await _client.CompleteChoicesAsync(request, ct).ConfigureAwait(false);
                    foreach (var c in all)
                    {
                        _throttle.OnCompleted(c);
                        _budget.Charge(c);
                    }

                    return all;
                }
                catch (Exception e) when (ResiliencePipelineFactory.IsThrottled(e))
                {
                    _throttle.OnThrottled();
                    throw;
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }, hardStop).ConfigureAwait(false);

            Interlocked.Exchange(ref _consecutiveFailures, 0);
            foreach (var index in job.Missing)
            {
                var choice = index - job.Start;
                var completion = choices[choice];
                var attempt = new AttemptRecord
                {
                    ProblemId = job.Problem.Id,
                    SampleIndex = index,
                    Model = completion.Model,
                    SamplingJson = SamplingPlan.SamplingJson(request, choice),
                    MessagesJson = PromptBuilder.ToJson(request.Messages),
                    Content = completion.Content,
                    ReasoningContent = completion.ReasoningContent,
                    FinishReason = completion.FinishReason,
                    PromptTokens = completion.PromptTokens,
                    CompletionTokens = completion.CompletionTokens,
                    LatencyMs = Math.Round(completion.LatencyMs, 3),
                    ResponseId = completion.ResponseId,
                    Tries = tries,
                    RunId = runId,
                    Fingerprint = _fingerprint,
                };
                // The attempt is written before verification so a crash mid-verification never costs a paid request.
                await writes.WriteAsync(new WriteItem(attempt, null, null, false), CancellationToken.None).ConfigureAwait(false);
                await verifies.WriteAsync(new VerifyJob(job.Problem, attempt, false), CancellationToken.None).ConfigureAwait(false);
            }

            // After the group's answers, in the writer's order: the lease is held until they are in the ledger.
            await writes.WriteAsync(new WriteItem(null, null, null, false) { Release = job.Key(_fingerprint) }, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            GiveBack(job);
            return null; // abandoned at shutdown; requested again next run
        }
        catch (BudgetExhaustedException e)
        {
            GiveBack(job);
            return new StopSignal(e.Message, Budget: true); // not an error: the sample is simply not requested this run
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The attempt's error keeps the server's own message (never the key), so the ledger says why.
            var reason = ResiliencePipelineFactory.Describe(e);
            var which = job.Missing.Count == 1 ? $"{job.Missing[0]}" : $"{job.Missing[0]}-{job.Missing[^1]}";
            logger.LogWarning("sample {Problem}#{Index} failed after {Tries} tries: {Reason}", job.Problem.Id, which, tries, reason);
            _waves?.Failed(job.Problem.Id, job.Missing);
            foreach (var index in job.Missing)
                await writes.WriteAsync(new WriteItem(null, null, new AttemptErrorRecord(job.Problem.Id, index, reason, tries, runId), false), CancellationToken.None).ConfigureAwait(false);
            await writes.WriteAsync(new WriteItem(null, null, null, false) { Release = job.Key(_fingerprint) }, CancellationToken.None).ConfigureAwait(false);
            if (e is EndpointHttpException { RejectsEveryRequest: true } rejected)
                return new StopSignal($"the model endpoint refused the request: {rejected.Message}", Budget: false, EndpointRejected: true);
            var failures = Interlocked.Increment(ref _consecutiveFailures);
            // Stop after a run of failures as long as the in-flight window, or after every sample of a small run failed.
            var limit = Math.Max(1, Math.Min(Math.Max(8, options.Model.Concurrency), _toRequest));
            return failures >= limit
                ? new StopSignal($"{failures} requests in a row failed after retries (last: {reason}); is the endpoint {EndpointText} reachable?", Budget: false)
                : null;
        }
    }

    /// <summary>A claimed group this run will not answer goes back at once, so another worker need not wait out its lease.</summary>
    private void GiveBack(SampleJob job)
    {
        try
        {
            _leases.Release([job.Key(_fingerprint)]);
        }
        catch (Exception e) when (LedgerStore.IsUnavailable(e))
        {
            logger.LogWarning("could not give back {Problem}#{Start}: {Message}; its lease runs out by itself", job.Problem.Id, job.Start, e.Message);
        }
    }

    private string EndpointText => options.Model.Provider == ModelProvider.Simulated ? "(simulated)" : options.Model.Endpoint ?? "";

    private string ConfigHash() => Common.StableHash.Hex(JsonSerializer.Serialize(options), 8);
}
