using SynthData.Selection;

namespace SynthData.Reports;

/// <summary>
/// What the report shows, gathered while one ordered pass streams the ledger by: per source × difficulty counts and
/// token distributions, verdict kinds, models. Its size depends on the number of sources, kinds and distinct lengths,
/// never on the number of attempts.
/// </summary>
public sealed class ReportTally
{
    public sealed class Group
    {
        public int Problems { get; set; }
        public int Samples { get; set; }
        public int Verified { get; set; }
        public int Accepted { get; set; }
        public long PromptTokens { get; set; }
        public long CompletionTokens { get; set; }
        public TokenCounts Tokens { get; } = new();
        public Dictionary<string, int> Verdicts { get; } = new(StringComparer.Ordinal);
    }

    public Dictionary<(string Source, string Kind, int? Difficulty), Group> Groups { get; } = [];
    public TokenCounts AcceptedLengths { get; } = new();
    public TokenCounts RejectedLengths { get; } = new();

    /// <summary>Verdict kinds with their count and whether the kind accepts.</summary>
    public Dictionary<string, (int Count, bool Accepted)> Kinds { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> Models { get; } = new(StringComparer.Ordinal);
    public int Problems { get; private set; }

    public void Add(ProblemGroup problem)
    {
        Problems++;
        var s = problem.Problem.Source;
        var key = (s.Name, s.Kind, s.Difficulty);
        if (!Groups.TryGetValue(key, out var g))
            Groups[key] = g = new Group();
        g.Problems++;
        foreach (var a in problem.Attempts)
        {
            Models.Add(a.Attempt.Model);
            g.Samples++;
            g.PromptTokens += a.Attempt.PromptTokens;
            g.CompletionTokens += a.Attempt.CompletionTokens;
            g.Tokens.Add(a.Attempt.CompletionTokens);
            if (a.Verdict is not { } v)
                continue;
            g.Verdicts[v.Kind] = g.Verdicts.GetValueOrDefault(v.Kind) + 1;
            Kinds[v.Kind] = (Kinds.GetValueOrDefault(v.Kind).Count + 1, v.Accepted);
            if (!v.IsVerifierError)
                g.Verified++;
            if (v.Accepted)
            {
                g.Accepted++;
                AcceptedLengths.Add(a.Attempt.CompletionTokens);
            }
            else if (!v.IsVerifierError)
            {
                RejectedLengths.Add(a.Attempt.CompletionTokens);
            }
        }
    }
}
