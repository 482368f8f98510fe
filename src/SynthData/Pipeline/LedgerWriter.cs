using System.Threading.Channels;
using SynthData.Ledger;
using SynthData.Verification;

namespace SynthData.Pipeline;

/// <summary>One result for the ledger: an answered attempt, a verdict, or a request that failed for good.</summary>
internal sealed record WriteItem(AttemptRecord? Attempt, VerdictRecord? Verdict, AttemptErrorRecord? Error, bool Reverify, string? Domain = null)
{
    /// <summary>A claimed group whose answers are all written (on a shared ledger): its lease is given back.</summary>
    public WorkKey? Release { get; init; }
}

/// <summary>
/// The single writer of a run: commits results in batches (one transaction each, up to 512 items or whatever has
/// arrived), counts them into the run summary, and reports progress. Being the only writer keeps SQLite uncontended and
/// the summary counts race-free.
/// </summary>
internal sealed class LedgerWriter(RunLedger ledger, RunSummary summary, IProgress<RunProgress>? progress, int toRequest,
    Func<SamplerCounters> counters, bool priced, Action<string> onFatal, WorkLeases? leases = null)
{
    /// <summary>Answers the ledger did not take (answered already, or a lost lease): their verdicts are dropped too.</summary>
    private readonly HashSet<(string, int, string)> _rejected = [];

    private readonly Dictionary<string, (int Verified, int Accepted)> _byDomain = new(StringComparer.Ordinal);
    private readonly HashSet<string> _problemsAccepted = new(StringComparer.Ordinal);

    /// <summary>Told, after each commit, how many samples it settled (a verdict or a final request error): adaptive rounds wait on it.</summary>
    public Action<int>? Settled { get; init; }

    /// <summary>How long a batch keeps retrying while another process holds the database (SQLITE_BUSY/LOCKED).</summary>
    private static readonly TimeSpan BusyPatience = TimeSpan.FromMinutes(2);

    public async Task RunAsync(ChannelReader<WriteItem> reader)
    {
        var batch = new List<WriteItem>(512);
        string? fatal = null;
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < 512 && reader.TryRead(out var item))
                batch.Add(item);
            // After a fatal error the channel is still drained, so producers never block on a writer that is gone.
            if (fatal is null)
            {
                fatal = await WriteAsync(batch).ConfigureAwait(false);
                if (fatal is not null)
                    onFatal(fatal);
                else
                {
                    Count(batch);
                    Settled?.Invoke(batch.Count(i => i.Verdict is not null || i.Error is not null));
                }
            }

            batch.Clear();
        }
    }

    /// <summary>Commits one batch; returns why the ledger cannot be written, or null on success.</summary>
    private async Task<string?> WriteAsync(List<WriteItem> batch)
    {
        var attempts = batch.Where(i => i.Attempt is not null).Select(i => i.Attempt!).ToList();
        var verdicts = batch.Where(i => i.Verdict is { } v && (i.Reverify || !_rejected.Contains((v.ProblemId, v.SampleIndex, v.Fingerprint)))).Select(i => i.Verdict!).ToList();
        var releases = batch.Where(i => i.Release is not null).Select(i => i.Release!.Value).ToList();
        var errors = batch.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        for (var delay = 50; ; delay = Math.Min(delay * 2, 2000))
        {
            try
            {
                var rejected = ledger.Record(attempts, verdicts, errors);
                _rejected.UnionWith(rejected);
                leases?.Release(releases);
                return null;
            }
            catch (Exception e) when (ledger.Store.IsBusy(e) && waited.Elapsed < BusyPatience)
            {
                await Task.Delay(delay).ConfigureAwait(false); // another process holds the database: wait, the batch is intact
            }
            catch (Exception e) when (Ledger.Store.LedgerStore.IsUnavailable(e))
            {
                return $"cannot write the ledger {ledger.Path}: {e.Message}";
            }
        }
    }

    private void Count(List<WriteItem> batch)
    {
        foreach (var item in batch)
        {
            if (item.Attempt is { } a && !_rejected.Contains((a.ProblemId, a.SampleIndex, a.Fingerprint)))
            {
                summary.SamplesCompleted++;
                summary.PromptTokens += a.PromptTokens;
                summary.CompletionTokens += a.CompletionTokens;
            }

            if (item.Verdict is { } v && (item.Reverify || !_rejected.Contains((v.ProblemId, v.SampleIndex, v.Fingerprint))))
            {
                Count(summary, v.Verdict, item.Reverify);
                if (v.Verdict.Accepted)
                    _problemsAccepted.Add(v.ProblemId);
                if (item.Domain is { } d && !v.Verdict.IsVerifierError)
                {
                    var (verified, accepted) = _byDomain.GetValueOrDefault(d);
                    _byDomain[d] = (verified + 1, accepted + (v.Verdict.Accepted ? 1 : 0));
                }
            }
            if (item.Error is not null)
                summary.RequestErrors++;
        }

        if (progress is null)
            return;
        var c = counters();
        progress.Report(new RunProgress(toRequest, summary.SamplesCompleted, summary.Accepted, summary.Rejected, summary.RequestErrors, c.Requests)
        {
            PromptTokens = summary.PromptTokens,
            CompletionTokens = summary.CompletionTokens,
            CostUsd = c.CostUsd,
            Priced = priced,
            InFlight = c.InFlight,
            ProblemsAccepted = _problemsAccepted.Count,
            ByDomain = new Dictionary<string, (int, int)>(_byDomain, StringComparer.Ordinal),
        });
    }

    private static void Count(RunSummary summary, Verdict verdict, bool reverify)
    {
        summary.Verified++;
        if (reverify)
            summary.Reverified++;
        summary.VerdictKinds[verdict.Kind] = summary.VerdictKinds.GetValueOrDefault(verdict.Kind) + 1;
        if (verdict.IsVerifierError)
            summary.VerifierErrors++;
        else if (verdict.Accepted)
            summary.Accepted++;
        else
            summary.Rejected++;
    }
}
