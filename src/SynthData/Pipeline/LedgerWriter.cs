using System.Threading.Channels;
using SynthData.Ledger;
using SynthData.Verification;

namespace SynthData.Pipeline;

/// <summary>One result for the ledger: an answered attempt, a verdict, or a request that failed for good.</summary>
internal sealed record WriteItem(AttemptRecord? Attempt, VerdictRecord? Verdict, AttemptErrorRecord? Error, bool Reverify);

/// <summary>
/// The single writer of a run: commits results in batches (one transaction each, up to 512 items or whatever has
/// arrived), counts them into the run summary, and reports progress. Being the only writer keeps SQLite uncontended and
/// the summary counts race-free.
/// </summary>
internal sealed class LedgerWriter(RunLedger ledger, RunSummary summary, IProgress<RunProgress>? progress, int toRequest, Func<int> requests)
{
    public async Task RunAsync(ChannelReader<WriteItem> reader)
    {
        var attempts = new List<AttemptRecord>();
        var verdicts = new List<VerdictRecord>();
        var errors = new List<AttemptErrorRecord>();
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (attempts.Count + verdicts.Count + errors.Count < 512 && reader.TryRead(out var item))
            {
                if (item.Attempt is { } a)
                {
                    attempts.Add(a);
                    summary.SamplesCompleted++;
                    summary.PromptTokens += a.PromptTokens;
                    summary.CompletionTokens += a.CompletionTokens;
                }

                if (item.Verdict is { } v)
                {
                    verdicts.Add(v);
                    Count(summary, v.Verdict, item.Reverify);
                }

                if (item.Error is { } e)
                {
                    errors.Add(e);
                    summary.RequestErrors++;
                }
            }

            ledger.Record(attempts, verdicts, errors);
            attempts.Clear();
            verdicts.Clear();
            errors.Clear();
            progress?.Report(new RunProgress(toRequest, summary.SamplesCompleted, summary.Accepted, summary.Rejected, summary.RequestErrors, requests()));
        }
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
