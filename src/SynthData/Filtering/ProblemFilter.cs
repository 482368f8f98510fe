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
    /// compared with it.
    /// </summary>
    public Session Start(IEnumerable<Problem> ledger) => new(this, ledger);

    public sealed class Session
    {
        /// <summary>
        /// Enough of the matched problem's text for the reports (they show a one-line preview of it); keeping whole
        /// prompts of every indexed problem was most of a run's memory.
        /// </summary>
        private const int KeptTextLength = 240;

        private readonly ProblemFilter _filter;
        private readonly HashSet<string> _known = new(StringComparer.Ordinal);
        private readonly Dictionary<(ProblemDomain, UInt128), int> _exact = new();
        private readonly LshIndex? _near;
        private readonly List<Remembered> _remembered = [];
        // Signatures of the near-duplicate index, back to back (entry i at i * permutations): one flat array, not an
        // array object per problem.
        private readonly List<ulong> _signatures = [];

        /// <summary>What the judge needs of a kept problem: its id, how it is judged (hashed) and the start of its text.</summary>
        private readonly record struct Remembered(string Id, ProblemDomain Domain, UInt128 Judged, string Text);

        internal Session(ProblemFilter filter, IEnumerable<Problem> ledger)
        {
            _filter = filter;
            _near = filter._hasher is null ? null : new LshIndex(filter._hasher.Permutations, filter._dedup.NearThreshold!.Value);
            foreach (var p in ledger)
            {
                _known.Add(p.Id);
                if (filter._dedup.Exact || _near is not null)
                    Remember(p, Describe(p));
            }
        }

        /// <summary>Why <paramref name="p"/> is dropped, or null when it is kept (and remembered).</summary>
        public DroppedProblem? Judge(Problem p)
        {
            var known = _known.Contains(p.Id);
            if (_filter.Contamination(p) is { } contaminated)
                return contaminated;
            if (known)
                return null;
            var described = Describe(p);
            if (Duplicate(p, described) is { } duplicate)
                return duplicate;
            Remember(p, described);
            return null;
        }

        /// <summary>The digests and signature of a problem, computed once for both judging and remembering it.</summary>
        private readonly record struct Described(UInt128 Judged, UInt128? Exact, ulong[]? Signature);

        private Described Describe(Problem p) => new(
            _filter.Judged(p),
            _filter._dedup.Exact ? Hash128.Of(TextTokens.ExactKey(p.Prompt)) : null,
            _near is null ? null : _filter._hasher!.Signature(p.Prompt));

        private void Remember(Problem p, Described d)
        {
            var entry = _remembered.Count;
            _remembered.Add(new Remembered(p.Id, p.Domain, d.Judged, p.Prompt.Length <= KeptTextLength ? p.Prompt : p.Prompt[..KeptTextLength]));
            if (d.Exact is { } exact)
                _exact.TryAdd((p.Domain, exact), entry);
            if (d.Signature is not { } signature || _near is null)
                return;
            _near.Add(signature);
            _signatures.AddRange(signature);
        }

        private DroppedProblem? Duplicate(Problem p, Described d)
        {
            if (d.Exact is { } exact && _exact.TryGetValue((p.Domain, exact), out var sameAt)
                && _remembered[sameAt] is var same && same.Id != p.Id)
                return new DroppedProblem(p, DropReasons.ExactDuplicate, same.Id, same.Text, 1);
            if (_near is null || d.Signature is not { } signature)
                return null;
            var signatures = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_signatures);
            DroppedProblem? best = null;
            foreach (var candidate in _near.Candidates(signature))
            {
                var other = _remembered[candidate];
                if (other.Id == p.Id || other.Domain != p.Domain || other.Judged != d.Judged)
                    continue;
                var similarity = MinHasher.Similarity(signature, signatures.Slice(candidate * signature.Length, signature.Length));
                if (similarity >= _filter._dedup.NearThreshold!.Value && (best is null || similarity > best.Score))
                    best = new DroppedProblem(p, DropReasons.NearDuplicate, other.Id, other.Text, Math.Round(similarity, 4));
            }

            return best;
        }
    }

    /// <summary>Why <paramref name="p"/> overlaps a configured benchmark, or null.</summary>
    public DroppedProblem? Contamination(Problem p)
    {
        if (_benchmarks?.Match(p.Prompt) is not { } m)
            return null;
        return new DroppedProblem(p, DropReasons.Contaminated, $"{m.Benchmark}:{m.Row}", m.ItemText, Math.Round(m.Share, 4));
    }

    /// <summary>
    /// A near-duplicate prompt is only a duplicate problem when it is judged the same way: the same reference answer
    /// (math), the same tests (code) or the same puzzle instance (logic). Generated code problems share their spec
    /// text and differ only in their tests; two puzzles of one family share most of their wording. Hashed, so the
    /// index holds 16 bytes per problem instead of its answer or tests; with dedup.require_same_answer off, all agree.
    /// </summary>
    private UInt128 Judged(Problem p) =>
        !_dedup.RequireSameAnswer ? UInt128.Zero : Hash128.Of(p.Domain switch
        {
            ProblemDomain.Math => TextTokens.ExactKey(p.Answer ?? ""),
            ProblemDomain.Logic => InstanceKey(p),
            _ => TestsKey(p),
        });

    private static string InstanceKey(Problem p) =>
        p.Metadata?[Logic.Domain.LogicProblems.MetadataKey]?.ToJsonString() ?? "";

    private static string TestsKey(Problem p) =>
        TextTokens.ExactKey(p.Tests ?? "") + "\u001f" +
        (p.FunctionTests is { } ft ? System.Text.Json.JsonSerializer.Serialize(ft.Select(t => new object?[] { t.Args, t.Expected })) : "") + "\u001f" +
        (p.IoTests is { } io ? System.Text.Json.JsonSerializer.Serialize(io) : "");
}
