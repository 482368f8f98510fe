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

    public static ModelRequest Request(Problem problem, int sampleIndex, PipelineOptions options) => new()
    {
        Messages = PromptBuilder.Build(problem, options.Model),
        Sampling = new SamplingParameters
        {
            Temperature = options.Model.Temperature,
            TopP = options.Model.TopP,
            MaxTokens = options.Model.MaxTokens,
            Seed = RequestSeed(options.Run.Seed, problem.Id, sampleIndex),
        },
        Stream = options.Model.Stream,
    };

    public static string SamplingJson(ModelRequest request) => JsonSerializer.Serialize(new
    {
        temperature = request.Sampling.Temperature,
        top_p = request.Sampling.TopP,
        max_tokens = request.Sampling.MaxTokens,
        seed = request.Sampling.Seed,
        stream = request.Stream,
    });
}
