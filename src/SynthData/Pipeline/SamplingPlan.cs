using System.Text.Json;
using SynthData.Common;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Sampling;

namespace SynthData.Pipeline;

/// <summary>Everything about a request that is decided before it is sent, and recorded as provenance.</summary>
public static class SamplingPlan
{
    /// <summary>
    /// The request seed depends only on (run seed, problem id, sample index), so a resumed run asks for exactly what an
    /// uninterrupted run would have asked for.
    /// </summary>
    public static long RequestSeed(long runSeed, string problemId, int sampleIndex) =>
        StableHash.Int64(runSeed.ToString(System.Globalization.CultureInfo.InvariantCulture), problemId,
            sampleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)) % int.MaxValue;

    /// <summary>
    /// The request for sample <paramref name="firstIndex"/> and the <paramref name="choices"/> - 1 indexes after it. Its
    /// seed is the first index's, so with one choice per request every index keeps the seed it always had.
    /// </summary>
    public static ModelRequest Request(Problem problem, int firstIndex, PipelineOptions options, int choices = 1) => new()
    {
        Messages = PromptBuilder.Build(problem, options.Model),
        Sampling = SamplingParameters.From(options.Model) with { Seed = RequestSeed(options.Run.Seed, problem.Id, firstIndex), N = choices },
        Stream = options.Model.Stream,
    };

    /// <summary>
    /// How a problem's sample indexes are grouped into requests of <c>model.samples_per_request</c> choices: fixed by
    /// the config alone, so a resumed run asks for a missing index with exactly the request that would have produced
    /// it (the whole group again, keeping only the missing choices).
    /// </summary>
    public static IEnumerable<(int Start, int Size)> Groups(ModelOptions model)
    {
        var per = Math.Max(1, model.SamplesPerRequest);
        for (var start = 0; start < model.SamplesPerProblem; start += per)
            yield return (start, Math.Min(per, model.SamplesPerProblem - start));
    }

    /// <summary>Provenance: exactly the sampling fields the request carried, plus which of its choices this sample is.</summary>
    public static string SamplingJson(ModelRequest request, int choice = 0)
    {
        var o = request.Sampling.ToJson();
        o["stream"] = request.Stream;
        if (request.Sampling.N > 1)
            o["choice"] = choice;
        return o.ToJsonString();
    }
}
