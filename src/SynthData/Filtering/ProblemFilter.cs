using SynthData.Config;
using SynthData.Problems;

namespace SynthData.Filtering;

/// <summary>
/// The problem stage between the sources and the ledger: decontamination against benchmarks, then exact and near
/// duplicate removal across sources and against problems already in the ledger. Problems already in the ledger stay
/// (their samples exist) unless they overlap a benchmark; new problems that duplicate one are dropped; within a run
/// the first in config order is kept.
/// </summary>
public sealed class ProblemFilter
{
    private readonly DedupOptions _dedup;
    private readonly BenchmarkIndex? _benchmarks;
    private readonly MinHasher? _hasher;

    public ProblemFilter(DedupOptions dedup, BenchmarkIndex? benchmarks)
    {
        _dedup = dedup;
        _benchmarks = benchmarks;
        _hasher = dedup.NearThreshold is null ? null : new MinHasher(dedup.NumPermutations, dedup.ShingleSize);
    }

    /// <summary>Loads the configured benchmark files (a missing one is a <see cref="ConfigException"/>).</summary>
    public static ProblemFilter Create(PipelineOptions options) =>
        new(options.Dedup, options.Decontamination.Benchmarks.Count > 0 ? BenchmarkIndex.Load(options) : null);

    public sealed record Result(List<Problem> Kept, List<DroppedProblem> Dropped);

    /// <param name="collected">This run's problems, in config order.</param>
    /// <param name="ledger">Problems recorded by earlier runs.</param>
    public Result Apply(IReadOnlyList<Problem> collected, IReadOnlyList<Problem> ledger)
    {
        var session = Start(ledger);
        var kept = new List<Problem>(collected.Count);
        var dropped = new List<DroppedProblem>();
        foreach (var p in collected)
        {
            if (session.Judge(p) is { } drop)
                dropped.Add(drop);
            else
                kept.Add(p);
        }

        return new Result(kept, dropped);
    }

    /// <summary>
    /// An incremental judge for problems streamed in config order: each kept problem is remembered, so later ones are
    /// compared with it. Holds prompts and signatures, not whole runs.
    /// </summary>
    public Session Start(IEnumerable<Problem> ledger) => new(this, ledger);

    public sealed class Session
    {
        private readonly ProblemFilter _filter;
        private readonly HashSet<string> _known = new(StringComparer.Ordinal);
        private readonly Dictionary<(ProblemDomain, string), Problem> _exact = new();
        private readonly LshIndex<int>? _near;
        private readonly List<(Problem Problem, ulong[] Signature)> _indexed = [];

        internal Session(ProblemFilter filter, IEnumerable<Problem> ledger)
        {
            _filter = filter;
            _near = filter._hasher is null ? null : new LshIndex<int>(filter._hasher.Permutations, filter._dedup.NearThreshold!.Value);
            foreach (var p in ledger)
            {
                _known.Add(p.Id);
                if (filter._dedup.Exact || _near is not null)
                    Remember(p);
            }
        }

        /// <summary>Why <paramref name="p"/> is dropped, or null when it is kept (and remembered).</summary>
        public DroppedProblem? Judge(Problem p)
        {
            var known = _known.Contains(p.Id);
            var drop = _filter.Contamination(p) ?? (known ? null : _filter.Duplicate(p, _exact, _near, _indexed));
            if (drop is null && !known)
                Remember(p);
            return drop;
        }

        private void Remember(Problem p)
        {
            if (_filter._dedup.Exact)
                _exact.TryAdd((p.Domain, TextTokens.ExactKey(p.Prompt)), p);
            if (_filter._hasher is null || _near is null)
                return;
            var signature = _filter._hasher.Signature(p.Prompt);
            _near.Add(signature, _indexed.Count);
            _indexed.Add((p, signature));
        }
    }

    /// <summary>Why <paramref name="p"/> overlaps a configured benchmark, or null.</summary>
    public DroppedProblem? Contamination(Problem p)
    {
        if (_benchmarks?.Match(p.Prompt) is not { } m)
            return null;
        return new DroppedProblem(p, DropReasons.Contaminated, $"{m.Benchmark}:{m.Row}", m.ItemText, Math.Round(m.Share, 4));
    }

    private DroppedProblem? Duplicate(Problem p, Dictionary<(ProblemDomain, string), Problem> exact, LshIndex<int>? near,
        List<(Problem Problem, ulong[] Signature)> indexed)
    {
        if (_dedup.Exact && exact.TryGetValue((p.Domain, TextTokens.ExactKey(p.Prompt)), out var same) && same.Id != p.Id)
            return new DroppedProblem(p, DropReasons.ExactDuplicate, same.Id, same.Prompt, 1);
        if (near is null || _hasher is null)
            return null;
        var signature = _hasher.Signature(p.Prompt);
        DroppedProblem? best = null;
        foreach (var candidate in near.Candidates(signature))
        {
            var (other, otherSignature) = indexed[candidate];
            if (other.Id == p.Id || other.Domain != p.Domain || !AnswersAgree(p, other))
                continue;
            var similarity = MinHasher.Similarity(signature, otherSignature);
            if (similarity >= _dedup.NearThreshold!.Value && (best is null || similarity > best.Score))
                best = new DroppedProblem(p, DropReasons.NearDuplicate, other.Id, other.Prompt, Math.Round(similarity, 4));
        }

        return best;
    }

    /// <summary>
    /// A near-duplicate prompt is only a duplicate problem when it is judged the same way: the same reference answer
    /// (math), the same tests (code) or the same puzzle instance (logic). Generated code problems share their spec
    /// text and differ only in their tests; two puzzles of one family share most of their wording.
    /// </summary>
    private bool AnswersAgree(Problem a, Problem b) =>
        !_dedup.RequireSameAnswer || a.Domain switch
        {
            ProblemDomain.Math => TextTokens.ExactKey(a.Answer ?? "") == TextTokens.ExactKey(b.Answer ?? ""),
            ProblemDomain.Logic => InstanceKey(a) == InstanceKey(b),
            _ => TestsKey(a) == TestsKey(b),
        };

    private static string InstanceKey(Problem p) =>
        p.Metadata?[Logic.Domain.LogicProblems.MetadataKey]?.ToJsonString() ?? "";

    private static string TestsKey(Problem p) =>
        TextTokens.ExactKey(p.Tests ?? "") + "\u001f" +
        (p.FunctionTests is { } ft ? System.Text.Json.JsonSerializer.Serialize(ft.Select(t => new object?[] { t.Args, t.Expected })) : "") + "\u001f" +
        (p.IoTests is { } io ? System.Text.Json.JsonSerializer.Serialize(io) : "");
}
