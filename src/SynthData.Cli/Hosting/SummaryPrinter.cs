using System.Globalization;
using SynthData.Pipeline;

namespace SynthData.Cli.Hosting;

internal static class SummaryPrinter
{
    public static void Print(RunSummary s, string ledgerPath, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(inv, $"run {(s.Interrupted ? "interrupted" : s.Complete ? "complete" : "finished with failures")} in {s.ElapsedSeconds:0.0}s"));
        w.WriteLine(string.Create(inv, $"  problems      {s.Problems} ({s.NewProblems} new, {s.DuplicateProblems} duplicates dropped, {s.InputErrors} bad input rows)"));
        if (s.DroppedProblems > 0)
            w.WriteLine(string.Create(inv, $"  dropped       {s.DroppedProblems} before sampling ({string.Join(", ", s.DropReasons.Select(kv => $"{kv.Key} {kv.Value}"))})"));
        w.WriteLine(string.Create(inv, $"  samples       {s.SamplesCompleted} new, {s.SamplesAlreadyDone} already in the ledger, {s.RequestErrors} failed"));
        w.WriteLine(string.Create(inv, $"  requests      {s.Requests} (including retries)"));
        w.WriteLine(string.Create(inv, $"  verdicts      {s.Accepted} accepted, {s.Rejected} rejected, {s.VerifierErrors} verifier errors ({s.Reverified} re-verified)"));
        if (s.VerdictKinds.Count > 0)
            w.WriteLine("  by kind       " + string.Join(", ", s.VerdictKinds.Select(kv => $"{kv.Key} {kv.Value}")));
        w.WriteLine(string.Create(inv, $"  tokens        {s.PromptTokens} prompt, {s.CompletionTokens} completion"));
        if (s.Cost is { } cost)
            w.WriteLine("  cost          " + Reports.Cost.FigureText.Cost(cost));
        if (s.Adaptive is { } adaptive)
            w.WriteLine("  adaptive      " + Reports.Cost.FigureText.Adaptive(adaptive));
        w.WriteLine($"  ledger        {ledgerPath}");
        foreach (var e in s.InputErrorList.Take(20))
            w.WriteLine($"  bad input     {e}");
        if (s.InputErrorList.Count > 20)
            w.WriteLine($"  bad input     ... and {s.InputErrorList.Count - 20} more");
        foreach (var d in s.DroppedProblemList.Take(20))
            w.WriteLine($"  dropped       {d}");
        if (s.DroppedProblemList.Count > 20)
            w.WriteLine($"  dropped       ... and {s.DroppedProblemList.Count - 20} more (synthdata export --format raw or report lists them all)");
        if (s.BudgetReached is not null)
            w.WriteLine($"  budget        {s.BudgetReached}; rerun to continue");
        if (s.LowestConcurrency is { } low)
            w.WriteLine($"  throttled     the server sent 429s; concurrency went down to {low}");
        if (s.AbortedReason is not null)
            w.WriteLine($"  stopped       {s.AbortedReason}");
        if (!s.Complete && !s.Interrupted)
            w.WriteLine("  rerun the same command to retry what failed; finished samples are not requested again");
    }
}
