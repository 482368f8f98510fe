using SynthData.Problems;

namespace SynthData.Pipeline;

/// <summary>Reads all sources in config order, drops repeats of the same content, applies the problem cap.</summary>
public static class ProblemCollector
{
    public sealed record Result(List<Problem> Problems, List<InputError> Errors, int Duplicates);

    public static Result Collect(IEnumerable<IProblemSource> sources, int? maxProblems, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var errors = new List<InputError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var source in sources)
        {
            foreach (var item in source.Read(cancellationToken))
            {
                if (item.Error is { } error)
                {
                    errors.Add(error);
                    continue;
                }

                if (maxProblems is { } max && problems.Count >= max)
                    return new Result(problems, errors, duplicates);
                if (seen.Add(item.Problem!.Id))
                    problems.Add(item.Problem);
                else
                    duplicates++;
            }
        }

        return new Result(problems, errors, duplicates);
    }
}
