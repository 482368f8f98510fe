using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SynthData.Pipeline;
using SynthData.Problems;
using SynthData.Verification;
using SynthData.Verification.Code;

namespace SynthData.Reward;

/// <summary>
/// Scores reward items with the pipeline's own verifiers and verdict rules (<see cref="AttemptVerifier"/>), many
/// at once. Each domain has a gate as wide as its verifier's parallelism (code: <c>max_parallel_checks</c>; math:
/// one per core), shared by all requests; an item's deadline starts once it is through its gate, so a long queue is
/// not a timeout, and an item over its deadline gives its slot back at once and is answered <c>timeout</c> with an
/// error, so a hostile item never holds up the others and never passes for an honest 0.
/// </summary>
public sealed class RewardScorer : IDisposable
{
    private readonly IReadOnlyDictionary<ProblemDomain, IVerifier> _verifiers;
    private readonly Dictionary<ProblemDomain, SemaphoreSlim> _gates;
    private readonly TimeSpan _deadline;
    private readonly ILogger _logger;

    public RewardScorer(IReadOnlyDictionary<ProblemDomain, IVerifier> verifiers, TimeSpan deadline, ILogger logger)
    {
        _verifiers = verifiers;
        _deadline = deadline;
        _logger = logger;
        _gates = verifiers.ToDictionary(v => v.Key, v => new SemaphoreSlim(v.Value is CodeVerifier code ? code.Options.MaxParallelChecks : Environment.ProcessorCount));
    }

    /// <summary>One result per item, in order; bad items get an error result, never an exception.</summary>
    public Task<RewardResult[]> ScoreAsync(JsonArray items, CancellationToken cancellationToken) =>
        Task.WhenAll(items.Select((item, i) => ScoreAsync(item, i, cancellationToken)));

    public async Task<RewardResult> ScoreAsync(JsonNode? node, int index, CancellationToken cancellationToken)
    {
        if (RewardItem.TryRead(node, index, out var error) is not { } item)
            return RewardResult.Failed(VerdictKinds.Error, error);
        if (!_gates.TryGetValue(item.Problem.Domain, out var gate))
            return RewardResult.Failed(VerdictKinds.Error, $"no verifier configured for {item.Problem.Domain.ToWire()} items");

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_deadline);
        // Task.Run: the math checker is synchronous CPU work, which would otherwise run before WaitAsync can time it.
        var check = Task.Run(() => AttemptVerifier.VerifyAsync(item.Problem, item.Response, item.FinishReason, _verifiers, _logger, deadline.Token), CancellationToken.None);
        // The token source lives as long as the check, which may run on past the deadline (a check that ignores its token).
        _ = check.ContinueWith(_ => deadline.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            var verdict = await check.WaitAsync(_deadline, cancellationToken).ConfigureAwait(false);
            // A verifier stopped by the deadline token reports an error verdict: it is the deadline all the same.
            return deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested ? Late(index, started) : RewardResult.From(verdict);
        }
        catch (TimeoutException)
        {
            return Late(index, started);
        }
        finally
        {
            gate.Release();
        }
    }

    private RewardResult Late(int index, long started)
    {
        _logger.LogWarning("reward item {Index} not judged within its deadline of {Seconds} s", index, _deadline.TotalSeconds);
        return RewardResult.Failed(VerdictKinds.Timeout,
            $"not judged within the reward deadline of {_deadline.TotalSeconds:0.###} s (reward.item_timeout_seconds; {Stopwatch.GetElapsedTime(started).TotalSeconds:0.#} s spent)");
    }

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
            gate.Dispose();
    }
}
