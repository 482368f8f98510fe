using SynthData.Problems;

namespace SynthData.Pipeline;

/// <summary>
/// Reads sources in config order and drops repeats of the same content (first occurrence wins), up to the problem cap.
/// Streaming, so a run never needs all problems in memory at once.
/// </summary>
public sealed class ProblemCollector(IEnumerable<IProblemSource> sources, int? maxProblems)
{
    public sealed record Result(List<Problem> Problems, List<InputError> Errors, int Duplicates);

    /// <summary>Duplicates skipped by the last enumeration of <see cref="Read"/>.</summary>
    public int Duplicates { get; private set; }

    /// <summary>Unique problems and input errors, in source order.</summary>
    public IEnumerable<SourceItem> Read(CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Duplicates = 0;
        foreach (var source in sources)
        {
            foreach (var item in source.Read(cancellationToken))
            {
                if (item.Error is not null)
                {
                    yield return item;
                    continue;
                }

                if (maxProblems is { } max && seen.Count >= max)
                    yield break;
                if (seen.Add(item.Problem!.Id))
                    yield return item;
                else
                    Duplicates++;
            }
        }
    }

    /// <summary>Everything at once, for small sets (the simulated model's answer book, tests, benchmarks).</summary>
    public static Result Collect(IEnumerable<IProblemSource> sources, int? maxProblems, CancellationToken cancellationToken)
    {
        var collector = new ProblemCollector(sources, maxProblems);
        var problems = new List<Problem>();
        var errors = new List<InputError>();
        foreach (var item in collector.Read(cancellationToken))
        {
            if (item.Problem is { } p)
                problems.Add(p);
            else
                errors.Add(item.Error!);
        }

        return new Result(problems, errors, collector.Duplicates);
    }
}
