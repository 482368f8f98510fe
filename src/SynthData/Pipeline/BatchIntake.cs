using Microsoft.Extensions.Logging;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Problems;

namespace SynthData.Pipeline;

/// <summary>
/// Takes a batch's new problems from the sources, each from where the last batch stopped (its position is kept in
/// the ledger): a fixed generator up to its <c>count</c>, a <c>per_batch</c> source its next N problems not yet in the
/// ledger, everything capped by <c>run.max_problems</c>. A source already read to its end is not read again (a fixed
/// generator is never regenerated; a file only when its size or time changed). New problems go through the problem
/// filter; problems and positions are committed together.
/// </summary>
public sealed class BatchIntake(PipelineOptions options, RunLedger ledger, long runId, ILogger logger)
{
    /// <summary>An endless stream that yields only problems already in the ledger this many times in a row is used up.</summary>
    private const int MinRepeatStreak = 10_000;

    public void Take(IReadOnlyList<ConfiguredSource> sources, RunSummary summary, CancellationToken ct)
    {
        var positions = ledger.ReadSourcePositions();
        var stage = new ProblemStage(options);
        var empty = new List<string>();
        var cap = options.Run.MaxProblems;
        var taken = 0;
        using (var intake = ledger.BeginIntake(runId))
        {
            foreach (var source in sources)
            {
                if (cap is { } max && taken >= max)
                    break;
                var stamp = source.Stamp();
                var at = positions.GetValueOrDefault(source.Key) ?? new SourcePosition(0, false, stamp);
                if (source.Count is { } count && at.Position >= count)
                    continue; // a fixed generator already taken whole: nothing to regenerate
                if (source.File is not null && at.Stamp != stamp)
                    at = new SourcePosition(0, false, stamp); // the file changed: read it again (known rows are skipped cheaply)
                else if (source.File is not null && at.Exhausted)
                    continue;
                var read = ReadSource(source, at.Position, intake, stage, summary, cap is null ? null : cap - taken, ct);
                taken += read.Taken;
                intake.SetPosition(source.Key, new SourcePosition(read.Position, read.Ended, stamp));
                if (read.Taken > 0 || at.Position != read.Position)
                    logger.LogInformation("source {Source}: {Taken} new problems (items {From}..{To})", source.Name, read.Taken, at.Position, read.Position);
                if (read.Empty is { } reason && at.Position == 0)
                    empty.Add($"{source.Name}: {reason}");
                else if (read.UsedUp)
                    empty.Add($"{source.Name}: the last {read.Streak} problems it generated were all already in the ledger or dropped; its problem space looks used up (raise difficulty or change seed)");
            }

            if (empty.Count > 0)
                throw new EmptySourceException(empty); // nothing of this batch is committed
            intake.Commit();
            summary.NewProblems = intake.Added;
        }

        if (options.Decontamination.Benchmarks.Count > 0)
        {
            // Benchmarks may have been added since problems entered the ledger: recheck those of these sources (only
            // against the benchmarks, never re-deduplicating them).
            foreach (var p in ledger.ReadSourceProblems([.. sources.Select(s => s.Key)]))
                stage.Recheck(p);
        }

        stage.Complete(ledger, runId, summary, logger);
    }

    private sealed record SourceRead(long Position, int Taken, bool Ended, string? Empty, bool UsedUp, int Streak);

    private SourceRead ReadSource(ConfiguredSource source, long position, LedgerIntake intake, ProblemStage stage, RunSummary summary, int? room, CancellationToken ct)
    {
        var quota = Math.Min(source.PerBatch ?? int.MaxValue, room ?? int.MaxValue);
        var streakLimit = Math.Max(MinRepeatStreak, 100 * Math.Min(quota, 100_000));
        int taken = 0, ok = 0, bad = 0, streak = 0;
        InputError? firstBad = null;
        foreach (var item in source.Source.ReadFrom(position, ct))
        {
            position++;
            streak++;
            if (item.Error is { } e)
            {
                bad++;
                firstBad ??= e;
                logger.LogWarning("bad input skipped: {Error}", e.ToString());
                summary.InputErrors++;
                if (summary.InputErrorList.Count < 1000)
                    summary.InputErrorList.Add(e);
            }
            else
            {
                ok++;
                var p = item.Problem!;
                var (known, thisBatch) = intake.Find(p.Id);
                if (thisBatch)
                    summary.DuplicateProblems++;
                else if (known)
                    intake.Claim(p.Id, source.Key);
                else if (stage.Admit(p, intake))
                {
                    intake.Add(p, source.Key);
                    taken++;
                    streak = 0;
                }
            }

            if (taken >= quota)
                return new SourceRead(position, taken, false, null, false, 0);
            if (source.Count is null && source.File is null && streak >= streakLimit)
                return new SourceRead(position, taken, false, null, taken == 0, streak);
        }

        var empty = ok > 0 ? null
            : bad == 0 ? "yields no problems (the file has no rows)"
            : $"yields no problems: all {bad} rows are bad (first: {firstBad}); check the file and its declared format";
        return new SourceRead(position, taken, true, empty, false, 0);
    }
}
